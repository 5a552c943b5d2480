package org.familystation.events.referral;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.CityCentre;

import java.time.Instant;

/** The centre started working the accepted case. */
@Revision("1")
public record ReferralWorkStarted(
        String referralId,
        String stationId,
        CityCentre centre,
        Instant startedAt) implements ReferralEvent {
}
