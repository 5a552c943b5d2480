package org.familystation.events.offering;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The offering was withdrawn, for the reason given: by the operations headquarters, or because its member was
 * suspended, expelled or withdrew from its alliance.
 */
@Revision("1")
public record OfferingWithdrawn(
        String offeringId,
        String memberId,
        String stationId,
        String projectCode,
        String reason,
        Instant withdrawnAt) implements OfferingEvent {
}
