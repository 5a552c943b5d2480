package org.familystation.events.referral;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.CityCentre;

import java.time.Instant;

/** The resolved referral was closed: the loop from station to centre and back is complete. */
@Revision("1")
public record ReferralClosed(
        String referralId,
        String stationId,
        CityCentre centre,
        Instant closedAt) implements ReferralEvent {
}
