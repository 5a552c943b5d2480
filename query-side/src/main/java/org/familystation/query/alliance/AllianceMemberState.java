package org.familystation.query.alliance;

import org.familystation.events.common.Alliance;
import org.familystation.events.common.OrganisationType;
import org.familystation.events.common.UnifiedSocialCreditCode;

import java.time.Instant;

/**
 * An alliance member or applicant as its events leave it ({@link AllianceMemberFold}): what
 * {@code rm_alliance_member} holds of it, and what the network as of a date shows of it. The contact fields are
 * personal data: erased in the row, they stay erased ({@code PersonalDataErased}).
 *
 * @param reviewNotes the reviewer's notes of an approval, or the reason of a rejection
 */
public record AllianceMemberState(
        String memberId,
        Alliance alliance,
        String organisationName,
        OrganisationType organisationType,
        UnifiedSocialCreditCode creditCode,
        String contactPerson,
        String contactPhone,
        MembershipStatus status,
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
        String withdrawalReason) {

    /**
     * Since when the member has had its status. Admitted again after a suspension, it is so since its
     * reinstatement (a member is admitted once, and reinstated only after being admitted).
     */
    public Instant statusSince() {
        return switch (status) {
            case APPLIED -> appliedAt;
            case APPROVED, REJECTED -> reviewedAt;
            case ADMITTED -> reinstatedAt != null ? reinstatedAt : admittedAt;
            case SUSPENDED -> suspendedAt;
            case EXPELLED -> expelledAt;
            case WITHDRAWN -> withdrawnAt;
        };
    }
}
