package org.familystation.query.referral;

import org.familystation.events.common.CityCentre;

import java.time.Instant;

/**
 * A referral as lists show it: where it came from, where it went, where it stands and when each step happened.
 * No free text: the case summary, reasons and outcome are personal data, shown only by {@link ReferralDetails}.
 *
 * @param overdue whether the centre's answer was (or still is) due before it came: flagged by the system, or
 *                waiting past {@code acceptanceDueBy} as of now
 */
public record ReferralOverview(
        String referralId,
        String stationId,
        String stationName,
        String district,
        CityCentre centre,
        String centreLabel,
        String categoryCode,
        String categoryName,
        ReferralStatus status,
        String statusLabel,
        Instant referredAt,
        Instant acceptanceDueBy,
        boolean overdue,
        Instant flaggedOverdueAt,
        Instant acceptedAt,
        Instant declinedAt,
        Instant workStartedAt,
        Instant resolvedAt,
        Instant closedAt,
        Instant withdrawnAt) {
}
