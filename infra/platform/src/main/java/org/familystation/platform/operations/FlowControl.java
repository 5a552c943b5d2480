package org.familystation.platform.operations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Admits changes fewer at a time while the read side falls behind, so that what a worker records shows in the lists
 * and in search within a bounded time even when more is sent than the node can both store and project.
 * <p>
 * On a node whose cores are all busy, the requests that change something and the event processors that project
 * their events share the same cores; the more changes run at once, the smaller the processors' share, and under a
 * load the node cannot keep up with the read side can fall behind without bound (BENCHMARKS.md: 4.3 s at p95 to
 * search under 32 clients with eight changes at a time, 1.2 s with four). Every {@link #EVERY} this control reads how
 * far behind the slowest processor is ({@link ReadSideLag}) and moves {@link ChangeAdmission}'s limit one step:
 * <ul>
 *     <li>down, while the processor is further behind than the target and not catching up (the last look did not
 *     bring it a tenth of its excess closer, a pace at which it would be back within the target in about ten looks),
 *     never below {@code fewest};</li>
 *     <li>up, once it is less than half the target behind, never above {@code most} (the configured
 *     {@code concurrent-changes});</li>
 *     <li>nowhere, in between, when the lag is unknown, or when the store cannot be read.</li>
 * </ul>
 * One step at a time and a dead band between the two thresholds keep the limit from swinging with each batch a
 * processor commits. The limit never falls below {@code fewest}: changes still go through while a processor cannot
 * catch up, only fewer at a time; a processor being rebuilt or in error does not count ({@link ReadSideLag}). It is
 * the idea of MongoDB's flow control (admission tickets on the primary lowered while the majority-committed lag is
 * above a target), with the event processors in the secondaries' place. A target of zero turns it off.
 */
public class FlowControl implements SmartLifecycle {

    /** How often it looks: four times a second, half the default target. */
    private static final Duration EVERY = Duration.ofMillis(250);

    /**
     * A processor over the target is catching up when the last look brought it at least this fraction of its excess
     * closer: at that pace, about that many looks bring it back within the target.
     */
    private static final int LOOKS_TO_CATCH_UP = 10;

    private static final Logger log = LoggerFactory.getLogger(FlowControl.class);

    private final ChangeAdmission admission;
    private final ReadSideLag readSide;
    private final Duration target;
    private final int fewest;
    private final int most;
    private ScheduledExecutorService looks;
    private Duration lastLag;
    /** The slowest processor at the last look, null when unknown or not looking. */
    private volatile ReadSideLag.Behind lastSlowest;

    public FlowControl(ChangeAdmission admission, ReadSideLag readSide, Duration target, int fewest, int most) {
        if (fewest < 1 || fewest > most) {
            throw new IllegalArgumentException("the fewest changes at a time must be from 1 to " + most
                    + ", not " + fewest);
        }
        this.admission = admission;
        this.readSide = readSide;
        this.target = target;
        this.fewest = fewest;
        this.most = most;
    }

    /**
     * The limit after one look: {@code lag} the slowest processor's lag now (null when unknown), {@code before} at
     * the look before (null when unknown).
     */
    static int next(int limit, Duration lag, Duration before, Duration target, int fewest, int most) {
        if (lag == null) {
            return limit;
        }
        if (lag.compareTo(target) > 0) {
            Duration excess = lag.minus(target);
            boolean catchingUp = before != null
                    && before.minus(lag).compareTo(excess.dividedBy(LOOKS_TO_CATCH_UP)) >= 0;
            return catchingUp ? limit : Math.max(limit - 1, fewest);
        }
        if (lag.compareTo(target.dividedBy(2)) < 0) {
            return Math.min(limit + 1, most);
        }
        return limit;
    }

    /** One look: reads the lag and moves the limit. */
    void look() {
        Optional<ReadSideLag.Behind> slowest;
        try {
            slowest = readSide.slowest();
        } catch (RuntimeException e) {
            log.debug("Could not read how far the read side is behind; the limit stays at {}", admission.limit(), e);
            lastLag = null;
            lastSlowest = null;
            return;
        }
        Duration lag = slowest.map(ReadSideLag.Behind::behind).orElse(null);
        lastSlowest = slowest.orElse(null);
        int limit = admission.limit();
        int next = next(limit, lag, lastLag, target, fewest, most);
        lastLag = lag;
        if (next == limit) {
            return;
        }
        admission.limit(next);
        if (next < limit && limit == most) {
            log.info("The read side is {} ms behind ({}), over its target of {} ms: changes now run fewer at a time,"
                    + " {}", lag.toMillis(), slowest.get().processor(), target.toMillis(), next);
        } else if (next == most) {
            log.info("The read side is {} ms behind, under half its target: changes run {} at a time again",
                    lag.toMillis(), next);
        } else {
            log.debug("The read side is {} ms behind: changes now run {} at a time", lag.toMillis(), next);
        }
    }

    /** Where it stands now, for the operators: the limit, the changes running and waiting, the last look. */
    public State state() {
        boolean on = isRunning();
        ReadSideLag.Behind slowest = on ? lastSlowest : null;
        return new State(on, target.toMillis(), admission.limit(), fewest, most, admission.running(),
                admission.waiting(), slowest == null ? null : slowest.processor(),
                slowest == null ? null : slowest.behind().toMillis());
    }

    /**
     * Where flow control stands.
     *
     * @param on                  whether it looks (off when its target is zero or changes do not take turns)
     * @param targetMillis        how far behind the read side may be before fewer changes are let in
     * @param limit               changes let in at once now
     * @param fewest              the least it lowers the limit to
     * @param most                the configured {@code concurrent-changes}
     * @param running             changes running now
     * @param waiting             changes waiting for their turn now
     * @param slowestProcessor    the processor furthest behind at the last look (null when off or none counts)
     * @param slowestBehindMillis how far behind it was
     */
    public record State(boolean on, long targetMillis, int limit, int fewest, int most, int running, int waiting,
                        String slowestProcessor, Long slowestBehindMillis) {
    }

    /** Started with the application unless its target is zero. */
    @Override
    public boolean isAutoStartup() {
        return !target.isNegative() && !target.isZero();
    }

    @Override
    public synchronized void start() {
        looks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "flow-control");
            thread.setDaemon(true);
            return thread;
        });
        looks.scheduleWithFixedDelay(this::lookSafely, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (looks != null) {
            looks.shutdownNow();
            looks = null;
        }
        lastSlowest = null;
        admission.limit(most);
    }

    @Override
    public synchronized boolean isRunning() {
        return looks != null;
    }

    private void lookSafely() {
        try {
            look();
        } catch (RuntimeException e) {
            log.warn("Flow control's look failed; it looks again in {} ms", EVERY.toMillis(), e);
        }
    }
}
