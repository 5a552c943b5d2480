package org.familystation.events.referral;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.CityCentre;

import java.time.Instant;

/** The station withdrew the referral before it was resolved, for the reason given. */
@Revision("1")
public record ReferralWithdrawn(
        String referralId,
        String stationId,
        CityCentre centre,
        String reason,
        Instant withdrawnAt) implements ReferralEvent {
}
