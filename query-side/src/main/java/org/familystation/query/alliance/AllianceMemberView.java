package org.familystation.query.alliance;

import org.familystation.events.common.Alliance;
import org.familystation.events.common.OrganisationType;

import java.time.Instant;

/**
 * An organisation's membership of an alliance, with the dates and reasons of its lifecycle.
 *
 * @param conventionVersion the convention version it signed last
 * @param conventionOwed    the alliance's current convention when this member (admitted or suspended) has not
 *                          signed it, with the date its signature is due; null when nothing is owed
 */
public record AllianceMemberView(
        String memberId,
        Alliance alliance,
        String allianceLabel,
        String organisationName,
        OrganisationType organisationType,
        String creditCode,
        String contactPerson,
        String contactPhone,
        String status,
        Instant appliedAt,
        Instant reviewedAt,
        String reviewNotes,
        String conventionVersion,
        Instant conventionSignedAt,
        String signatory,
        Instant admittedAt,
        Instant suspendedAt,
        String suspensionReason,
        Instant reinstatedAt,
        String reinstatementReason,
        Instant expelledAt,
        String expulsionReason,
        Instant reapplicationBannedUntil,
        Instant withdrawnAt,
        String withdrawalReason,
        ConventionOwed conventionOwed) {

    /** A convention version the member must sign, and by when (after that date it is, or was, suspended). */
    public record ConventionOwed(String conventionVersion, Instant signatureDueBy) {
    }
}
