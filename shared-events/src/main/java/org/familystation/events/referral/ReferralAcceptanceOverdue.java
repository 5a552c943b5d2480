package org.familystation.events.referral;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.CityCentre;

import java.time.Instant;

/**
 * The referral was still not accepted (nor declined or withdrawn) when it was due: flagged for follow-up. Raised
 * by the system, not by a person; the event's own time says when the flag was raised.
 */
@Revision("1")
public record ReferralAcceptanceOverdue(
        String referralId,
        String stationId,
        CityCentre centre,
        Instant acceptanceDueBy) implements ReferralEvent {
}
