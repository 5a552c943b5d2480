package org.familystation.query.admin;

import java.time.Instant;

/**
 * An event a projection failed on, parked with every later event of the same aggregate (its sequence).
 *
 * @param processor       the processor that reads for the projection (its family)
 * @param processingGroup the projection's processing group: whose queue the letter is parked in, the name to retry
 *                        or drop it under
 * @param first        whether it heads its sequence: only the first letter of a sequence can be retried, in order
 * @param eventTime    when the event happened
 * @param enqueuedAt   when it was parked
 * @param lastTouched  when it was last tried
 */
public record DeadLetterView(
        String processor,
        String processingGroup,
        String eventId,
        String eventType,
        String aggregateType,
        String aggregateId,
        Long aggregateSequence,
        String sequence,
        long indexInSequence,
        boolean first,
        Instant eventTime,
        Instant enqueuedAt,
        Instant lastTouched,
        String causeType,
        String causeMessage) {
}
