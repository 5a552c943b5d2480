package org.familystation.query.admin;

import java.time.Instant;

/**
 * A rebuild of one projection and how far it has got.
 *
 * @param state             {@code STOPPING} (the processor is being stopped on every node), {@code REPLAYING},
 *                          {@code CAUGHT_UP} or {@code FAILED}
 * @param targetPosition    the event store's head when the tokens were reset: caught up once every segment passed it
 * @param eventsTotal       events up to the target: the replay's work
 * @param eventsProcessed   events up to the slowest segment's position (all of them handled)
 * @param eventsPerSecond   since the replay began
 * @param secondsLeft       estimated, at that rate
 */
public record Rebuild(
        String id,
        String processor,
        String state,
        String requestedBy,
        Instant requestedAt,
        Instant replayStartedAt,
        Instant finishedAt,
        Long targetPosition,
        Long eventsTotal,
        Long eventsProcessed,
        Double eventsPerSecond,
        Long secondsLeft,
        String failure) {

    public static final String STOPPING = "STOPPING";
    public static final String REPLAYING = "REPLAYING";
    public static final String CAUGHT_UP = "CAUGHT_UP";
    public static final String FAILED = "FAILED";
}
