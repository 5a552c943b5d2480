package org.familystation.events.referral;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.CityCentre;

import java.time.Instant;

/** The centre resolved the case, with the outcome it reached. */
@Revision("1")
public record ReferralResolved(
        String referralId,
        String stationId,
        CityCentre centre,
        String outcome,
        Instant resolvedAt) implements ReferralEvent {
}
