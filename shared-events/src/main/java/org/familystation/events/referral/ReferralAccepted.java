package org.familystation.events.referral;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.CityCentre;

import java.time.Instant;

/** The centre accepted the referral: the case is now its to work. */
@Revision("1")
public record ReferralAccepted(
        String referralId,
        String stationId,
        CityCentre centre,
        Instant acceptedAt) implements ReferralEvent {
}
