package org.familystation.query.alliance;

import org.familystation.events.alliance.AllianceApplicationApproved;
import org.familystation.events.alliance.AllianceApplicationRejected;
import org.familystation.events.alliance.AllianceConventionSigned;
import org.familystation.events.alliance.AllianceMemberAdmitted;
import org.familystation.events.alliance.AllianceMemberEvent;
import org.familystation.events.alliance.AllianceMemberExpelled;
import org.familystation.events.alliance.AllianceMemberReinstated;
import org.familystation.events.alliance.AllianceMemberSuspended;
import org.familystation.events.alliance.AllianceMemberWithdrew;
import org.familystation.events.alliance.AllianceMembershipApplied;
import org.familystation.events.common.Alliance;
import org.familystation.events.common.OrganisationType;
import org.familystation.events.common.UnifiedSocialCreditCode;

import java.time.Instant;

/**
 * What each event of a membership does to the member: the one statement of these rules, which
 * {@link AllianceMemberProjection} persists and the network as of a date folds in memory.
 */
public final class AllianceMemberFold {

    private AllianceMemberFold() {
    }

    /**
     * The member after {@code event}. Null {@code member}: no application (yet); then only an application makes
     * one, and every other event leaves it null. An application that exists is not made again. A convention
     * signature changes no status.
     */
    public static AllianceMemberState evolve(AllianceMemberState member, AllianceMemberEvent event) {
        if (event instanceof AllianceMembershipApplied applied) {
            return member != null ? member : new AllianceMemberState(applied.memberId(), applied.alliance(),
                    applied.organisationName(), applied.organisationType(), applied.creditCode(),
                    applied.contactPerson(), applied.contactPhone(), MembershipStatus.APPLIED, applied.appliedAt(),
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
        if (member == null) {
            return null;
        }
        Draft next = new Draft(member);
        if (event instanceof AllianceApplicationApproved approved) {
            next.status = MembershipStatus.APPROVED;
            next.reviewedAt = approved.reviewedAt();
            next.reviewNotes = approved.reviewerNotes();
        } else if (event instanceof AllianceApplicationRejected rejected) {
            next.status = MembershipStatus.REJECTED;
            next.reviewedAt = rejected.reviewedAt();
            next.reviewNotes = rejected.reason();
        } else if (event instanceof AllianceConventionSigned signed) {
            next.conventionVersion = signed.conventionVersion();
            next.conventionSignedAt = signed.signedAt();
            next.signatory = signed.signatory();
        } else if (event instanceof AllianceMemberAdmitted admitted) {
            next.status = MembershipStatus.ADMITTED;
            next.admittedAt = admitted.admittedAt();
        } else if (event instanceof AllianceMemberSuspended suspended) {
            next.status = MembershipStatus.SUSPENDED;
            next.suspendedAt = suspended.suspendedAt();
            next.suspensionReason = suspended.reason();
        } else if (event instanceof AllianceMemberReinstated reinstated) {
            next.status = MembershipStatus.ADMITTED;
            next.reinstatedAt = reinstated.reinstatedAt();
            next.reinstatementReason = reinstated.reason();
        } else if (event instanceof AllianceMemberExpelled expelled) {
            next.status = MembershipStatus.EXPELLED;
            next.expelledAt = expelled.expelledAt();
            next.expulsionReason = expelled.reason();
            next.reapplicationBannedUntil = expelled.reapplicationBannedUntil();
        } else if (event instanceof AllianceMemberWithdrew withdrew) {
            next.status = MembershipStatus.WITHDRAWN;
            next.withdrawnAt = withdrew.withdrawnAt();
            next.withdrawalReason = withdrew.reason();
        }
        return next.build();
    }

    /** The member being changed: a copy of its state whose fields the event sets. */
    private static final class Draft {
        final String memberId;
        final Alliance alliance;
        final String organisationName;
        final OrganisationType organisationType;
        final UnifiedSocialCreditCode creditCode;
        final String contactPerson;
        final String contactPhone;
        final Instant appliedAt;
        MembershipStatus status;
        Instant reviewedAt;
        String reviewNotes;
        String conventionVersion;
        Instant conventionSignedAt;
        String signatory;
        Instant admittedAt;
        Instant suspendedAt;
        String suspensionReason;
        Instant reinstatedAt;
        String reinstatementReason;
        Instant expelledAt;
        String expulsionReason;
        Instant reapplicationBannedUntil;
        Instant withdrawnAt;
        String withdrawalReason;

        Draft(AllianceMemberState member) {
            memberId = member.memberId();
            alliance = member.alliance();
            organisationName = member.organisationName();
            organisationType = member.organisationType();
            creditCode = member.creditCode();
            contactPerson = member.contactPerson();
            contactPhone = member.contactPhone();
            appliedAt = member.appliedAt();
            status = member.status();
            reviewedAt = member.reviewedAt();
            reviewNotes = member.reviewNotes();
            conventionVersion = member.conventionVersion();
            conventionSignedAt = member.conventionSignedAt();
            signatory = member.signatory();
            admittedAt = member.admittedAt();
            suspendedAt = member.suspendedAt();
            suspensionReason = member.suspensionReason();
            reinstatedAt = member.reinstatedAt();
            reinstatementReason = member.reinstatementReason();
            expelledAt = member.expelledAt();
            expulsionReason = member.expulsionReason();
            reapplicationBannedUntil = member.reapplicationBannedUntil();
            withdrawnAt = member.withdrawnAt();
            withdrawalReason = member.withdrawalReason();
        }

        AllianceMemberState build() {
            return new AllianceMemberState(memberId, alliance, organisationName, organisationType, creditCode,
                    contactPerson, contactPhone, status, appliedAt, reviewedAt, reviewNotes, conventionVersion,
                    conventionSignedAt, signatory, admittedAt, suspendedAt, suspensionReason, reinstatedAt,
                    reinstatementReason, expelledAt, expulsionReason, reapplicationBannedUntil, withdrawnAt,
                    withdrawalReason);
        }
    }
}
