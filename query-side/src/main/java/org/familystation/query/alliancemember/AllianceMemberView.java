package org.familystation.query.alliancemember;

import org.familystation.events.common.Alliance;
import org.familystation.events.common.OrganisationType;

import java.time.Instant;

/** An organisation's membership of an alliance, with the dates of its lifecycle. */
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
        Instant admittedAt) {
}
