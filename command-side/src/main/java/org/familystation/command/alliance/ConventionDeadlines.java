package org.familystation.command.alliance;

import jakarta.annotation.PreDestroy;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.familystation.events.common.Alliance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Makes convention signature deadlines survive restarts. Axon's {@code SimpleDeadlineManager} keeps deadlines in the
 * memory of the node that scheduled them, and no persistent scheduler (Axon's db-scheduler or JobRunr integration)
 * is on the classpath; rather than add one for a handful of deadlines a year, the due time is kept where it is
 * durable anyway, in each live {@link ConventionSignatureSaga} (JDBC saga store), and every node, at start-up and
 * then every {@code familystation.alliance.convention-deadline-sweep}, schedules in its own memory the deadline of
 * each live saga that falls due before its next sweep (at once when it is already past). So a deadline lost with a
 * stopped or crashed node is met at most one sweep late by any running node. A deadline met twice is harmless: the
 * first ends the saga, a later one finds no saga, and a member is only suspended while it still owes the signature.
 */
@Component
public class ConventionDeadlines {

    private static final Logger log = LoggerFactory.getLogger(ConventionDeadlines.class);

    private final SagaStore<Object> sagas;
    private final DeadlineManager deadlines;
    private final Clock clock;
    private final Duration sweepInterval;
    /** The sagas whose deadline this node has scheduled. */
    private final Set<String> scheduled = new HashSet<>();
    private ScheduledExecutorService sweeper;

    public ConventionDeadlines(SagaStore<Object> sagas, DeadlineManager deadlines, Clock clock,
                               AllianceProperties properties) {
        this.sagas = sagas;
        this.deadlines = deadlines;
        this.clock = clock;
        this.sweepInterval = properties.getConventionDeadlineSweep();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "convention-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(this::sweepLogged, 0, sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    public void stop() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }

    /** Schedules the deadline of every live saga due before the next sweep that this node has not scheduled yet. */
    synchronized void sweep() {
        Instant horizon = clock.instant().plus(sweepInterval);
        for (Alliance alliance : Alliance.values()) {
            for (String sagaId : sagas.findSagas(ConventionSignatureSaga.class,
                    new AssociationValue(ConventionSignatureSaga.ALLIANCE, alliance.name()))) {
                if (scheduled.contains(sagaId)) {
                    continue;
                }
                SagaStore.Entry<ConventionSignatureSaga> entry = sagas.loadSaga(ConventionSignatureSaga.class, sagaId);
                Instant due = entry == null ? null : entry.saga().signatureDueBy();
                if (due != null && !due.isAfter(horizon)) {
                    deadlines.schedule(due, ConventionSignatureSaga.SIGNATURE_DUE, null,
                            new SagaScopeDescriptor(ConventionSignatureSaga.class.getSimpleName(), sagaId));
                    scheduled.add(sagaId);
                }
            }
        }
    }

    private void sweepLogged() {
        try {
            sweep();
        } catch (RuntimeException failure) {
            log.warn("Could not look for convention signature deadlines; trying again in {}", sweepInterval, failure);
        }
    }
}
