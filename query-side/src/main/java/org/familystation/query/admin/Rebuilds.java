package org.familystation.query.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.familystation.platform.error.DomainException;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds a processor's projections from the start of history, with any number of query nodes: a family's processor
 * ({@link ProcessingGroups#FAMILIES}) replays every processing group in it, each group's {@code @ResetHandler} emptying
 * what it owns (one token, so one group alone cannot be replayed). The node that is asked records the rebuild
 * ({@code admin_rebuild}, at most one active per processor), and every node's monitor shuts that processor down while
 * the rebuild is {@code STOPPING}. Once no node holds a claim on its tokens, the asking node resets them in one transaction
 * with the groups' {@code @ResetHandler}s and dead-letter queues and the rebuild's move to {@code REPLAYING}; then
 * every node starts the processor again and they replay together. Any node's monitor sees when every segment has passed
 * the head of the event store at the reset, lets the {@link RebuildParticipant}s finish (the search indexes swap their
 * alias) and marks the rebuild caught up.
 */
@Component
public class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    /** How long every node has to let go of the processor's tokens. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** A rebuild left STOPPING this long lost the node that started it. */
    private static final Duration ABANDONED = Duration.ofMinutes(5);
    private static final long MONITOR_INTERVAL_MILLIS = 500;

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TokenPositions tokens;
    private final List<RebuildParticipant> participants;
    private final Clock clock;
    /** Processors this node's monitor stopped for a rebuild, to start again when the rebuild replays. */
    private final Set<String> stoppedByMonitor = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService monitor;

    public Rebuilds(EventProcessingConfiguration processing, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                    TokenPositions tokens, List<RebuildParticipant> participants, Clock clock) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.tokens = tokens;
        this.participants = participants;
        this.clock = clock;
    }

    /** Starts rebuilding the processor; answers when its replay has begun (or refuses). */
    public Rebuild start(String processorName, String requestedBy) {
        StreamingEventProcessor processor = replayable(processorName);
        String id = UUID.randomUUID().toString();
        try {
            jdbc.update("INSERT INTO admin_rebuild (rebuild_id, processor_name, state, requested_by, requested_at)"
                            + " VALUES (?, ?, ?, ?, ?)", id, processorName, Rebuild.STOPPING, requestedBy,
                    Sql.timestamp(clock.instant()));
        } catch (DuplicateKeyException alreadyRunning) {
            String running = jdbc.queryForList("SELECT rebuild_id FROM admin_rebuild WHERE processor_name = ?"
                    + " AND state IN ('STOPPING', 'REPLAYING')", String.class, processorName)
                    .stream().findFirst().orElse("?");
            throw DomainException.refuse(AdminRefusals.REBUILD_ALREADY_RUNNING, processorName, running);
        }
        try {
            stop(processor);
            awaitReleasedEverywhere(processorName);
            transaction.executeWithoutResult(status -> {
                long target = tokens.head();
                // A replay handles every event again: letters parked by the old run are moot, in every group.
                ProcessingGroups.groupsOf(processorName).forEach(group ->
                        processing.deadLetterQueue(group).ifPresent(SequencedDeadLetterQueue::clear));
                processor.resetTokens();
                jdbc.update("UPDATE admin_rebuild SET state = ?, replay_started_at = ?, target_position = ?,"
                                + " target_events = ? WHERE rebuild_id = ?", Rebuild.REPLAYING,
                        Sql.timestamp(clock.instant()), target, tokens.eventsUpTo(target), id);
            });
        } catch (UnableToClaimTokenException stillClaimed) {
            fail(id, processorName, stillClaimed);
            processor.start();
            throw DomainException.refuse(AdminRefusals.PROCESSOR_NOT_STOPPED, processorName,
                    STOP_TIMEOUT.toSeconds());
        } catch (RuntimeException e) {
            fail(id, processorName, e);
            processor.start();
            throw e;
        }
        processor.start();
        log.info("Rebuild {} of {} is replaying", id, processorName);
        return get(id);
    }

    public Rebuild get(String id) {
        return jdbc.query("SELECT * FROM admin_rebuild WHERE rebuild_id = ?", (row, index) -> read(row), id)
                .stream().findFirst()
                .orElseThrow(() -> DomainException.refuse(AdminRefusals.REBUILD_NOT_FOUND, id));
    }

    /** The latest rebuilds, newest first. */
    public List<Rebuild> latest(int limit) {
        return jdbc.query("SELECT * FROM admin_rebuild ORDER BY requested_at DESC LIMIT ?",
                (row, index) -> read(row), limit);
    }

    /** The rebuild of that processor under way, if any. */
    public String active(String processorName) {
        return jdbc.queryForList("SELECT rebuild_id FROM admin_rebuild WHERE processor_name = ?"
                        + " AND state IN ('STOPPING', 'REPLAYING')", String.class, processorName)
                .stream().findFirst().orElse(null);
    }

    StreamingEventProcessor replayable(String processorName) {
        EventProcessor processor = processing.eventProcessors().get(processorName);
        if (processor == null) {
            throw Processors.unknown(processing, processorName);
        }
        if (!(processor instanceof StreamingEventProcessor streaming) || !streaming.supportsReset()) {
            throw DomainException.refuse(AdminRefusals.PROCESSOR_NOT_REPLAYABLE, processorName);
        }
        return streaming;
    }

    private Rebuild read(ResultSet row) throws SQLException {
        String state = row.getString("state");
        Instant replayStarted = Sql.instant(row, "replay_started_at");
        Instant finished = Sql.instant(row, "finished_at");
        long target = row.getLong("target_position");
        Long total = row.wasNull() ? null : row.getLong("target_events");
        Long processed = null;
        Double rate = null;
        Long secondsLeft = null;
        if (Rebuild.CAUGHT_UP.equals(state)) {
            processed = total;
        } else if (Rebuild.REPLAYING.equals(state)) {
            long slowest = Math.min(target, TokenPositions.slowest(tokens.segments(row.getString("processor_name"))));
            processed = slowest < 0 ? 0 : tokens.eventsUpTo(slowest);
        }
        if (processed != null && replayStarted != null) {
            Instant end = finished != null ? finished : clock.instant();
            double seconds = Math.max(Duration.between(replayStarted, end).toMillis() / 1000.0, 0.001);
            rate = Math.round(processed / seconds * 10) / 10.0;
            secondsLeft = rate > 0 ? (long) Math.ceil((total - processed) / rate) : null;
        }
        return new Rebuild(row.getString("rebuild_id"), row.getString("processor_name"), state,
                row.getString("requested_by"), Sql.instant(row, "requested_at"), replayStarted, finished,
                total == null ? null : target, total, processed, rate, secondsLeft, row.getString("failure"));
    }

    private void awaitReleasedEverywhere(String processorName) {
        Instant until = clock.instant().plus(STOP_TIMEOUT);
        while (clock.instant().isBefore(until)) {
            Integer claimed = jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ?"
                    + " AND owner IS NOT NULL", Integer.class, processorName);
            if (claimed == null || claimed == 0) {
                return;
            }
            sleep(100);
        }
        // A node that died keeps its claims until they time out; resetting claims them or fails (refused above).
    }

    private void fail(String id, String processorName, Exception cause) {
        log.warn("Rebuild {} of {} failed", id, processorName, cause);
        String message = cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
        jdbc.update("UPDATE admin_rebuild SET state = ?, finished_at = ?, failure = ? WHERE rebuild_id = ?",
                Rebuild.FAILED, Sql.timestamp(clock.instant()),
                message.substring(0, Math.min(message.length(), 2000)), id);
        participantsOf(processorName).forEach(RebuildParticipant::rebuildFailed);
    }

    private List<RebuildParticipant> participantsOf(String processorName) {
        return participants.stream()
                .filter(p -> ProcessingGroups.processorOf(p.processingGroup()).equals(processorName)).toList();
    }

    private static synchronized void stop(StreamingEventProcessor processor) {
        if (processor.isRunning()) {
            processor.shutDown();
        }
    }

    // ---- the monitor every node runs ----

    @EventListener(ApplicationReadyEvent.class)
    public void startMonitor() {
        monitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rebuild-monitor");
            thread.setDaemon(true);
            return thread;
        });
        monitor.scheduleWithFixedDelay(this::monitorSafely, 0, MONITOR_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    public void stopMonitor() throws InterruptedException {
        if (monitor != null) {
            monitor.shutdownNow();
            monitor.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private void monitorSafely() {
        try {
            monitor();
        } catch (RuntimeException e) {
            log.warn("Rebuild monitor: {}", e.toString());
        }
    }

    /** Stops, starts and finishes what the rebuilds recorded by any node ask of this one. */
    void monitor() {
        List<Map<String, Object>> active = jdbc.queryForList("SELECT rebuild_id, processor_name, state,"
                + " requested_at FROM admin_rebuild WHERE state IN ('STOPPING', 'REPLAYING')");
        Set<String> stopping = ConcurrentHashMap.newKeySet();
        for (Map<String, Object> rebuild : active) {
            String name = (String) rebuild.get("processor_name");
            if (Rebuild.STOPPING.equals(rebuild.get("state"))) {
                stopping.add(name);
                if (processing.eventProcessors().get(name) instanceof StreamingEventProcessor processor) {
                    stoppedByMonitor.add(name);
                    stop(processor);
                }
                Instant requested = ((java.sql.Timestamp) rebuild.get("requested_at")).toInstant();
                if (requested.plus(ABANDONED).isBefore(clock.instant())) {
                    fail((String) rebuild.get("rebuild_id"), name,
                            new IllegalStateException("the node that started the rebuild stopped answering"));
                }
            }
        }
        for (String name : Set.copyOf(stoppedByMonitor)) {
            if (!stopping.contains(name)) {
                stoppedByMonitor.remove(name);
                processing.eventProcessor(name).ifPresent(EventProcessor::start);
            }
        }
        for (Map<String, Object> rebuild : active) {
            if (Rebuild.REPLAYING.equals(rebuild.get("state"))) {
                finishIfCaughtUp((String) rebuild.get("rebuild_id"), (String) rebuild.get("processor_name"));
            }
        }
    }

    private void finishIfCaughtUp(String id, String processorName) {
        transaction.executeWithoutResult(status -> {
            List<Long> target = jdbc.queryForList("SELECT target_position FROM admin_rebuild WHERE rebuild_id = ?"
                    + " AND state = 'REPLAYING' FOR UPDATE SKIP LOCKED", Long.class, id);
            if (target.isEmpty()) {
                return;
            }
            List<TokenPositions.Segment> segments = tokens.segments(processorName);
            boolean caughtUp = target.get(0) < 0
                    || !segments.isEmpty() && TokenPositions.slowest(segments) >= target.get(0);
            if (!caughtUp) {
                return;
            }
            participantsOf(processorName).forEach(RebuildParticipant::rebuildCaughtUp);
            jdbc.update("UPDATE admin_rebuild SET state = ?, finished_at = ? WHERE rebuild_id = ?",
                    Rebuild.CAUGHT_UP, Sql.timestamp(clock.instant()), id);
            log.info("Rebuild {} of {} has caught up", id, processorName);
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
