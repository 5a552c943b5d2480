package org.familystation.events.referral;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.CityCentre;

import java.time.Instant;

/** The centre declined the referral, for the reason given; the case goes back to the station. */
@Revision("1")
public record ReferralDeclined(
        String referralId,
        String stationId,
        CityCentre centre,
        String reason,
        Instant declinedAt) implements ReferralEvent {
}
