package org.familystation.query.evaluation;

import java.util.Map;

/**
 * Where in the history a report was computed. Read models are kept by processors that each track their own
 * position in the event store; a report reads several, in one database snapshot, so it is exact as of the lowest of
 * their positions: every event up to {@code position} is in every figure (later ones may be in some).
 *
 * @param position       the lowest committed position (global event index) of the processors read; null when one
 *                       of them has not processed anything yet
 * @param eventStoreHead the highest global index in the event store when the report was computed
 * @param caughtUp       every processor read had processed the whole event store: the report reflects all history
 * @param replaying      a processor read was replaying (rebuilding its read model): its figures may be partial
 * @param deadLetters    events those processors parked in their dead-letter queues, missing from the figures
 * @param processors     each processor's position
 */
public record EventPosition(Long position, long eventStoreHead, boolean caughtUp, boolean replaying,
                            long deadLetters, Map<String, Long> processors) {
}
