package org.familystation.query.alliance;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.familystation.events.alliance.AllianceApplicationApproved;
import org.familystation.events.alliance.AllianceApplicationRejected;
import org.familystation.events.alliance.AllianceConventionSigned;
import org.familystation.events.alliance.AllianceMemberAdmitted;
import org.familystation.events.alliance.AllianceMemberExpelled;
import org.familystation.events.alliance.AllianceMemberReinstated;
import org.familystation.events.alliance.AllianceMemberSuspended;
import org.familystation.events.alliance.AllianceMemberWithdrew;
import org.familystation.events.alliance.AllianceMembershipApplied;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.events.personaldata.PersonalDataErased;
import org.familystation.query.common.ErasedColumns;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds {@code rm_alliance_member}. Each update applies only if its event is newer than what the row reflects,
 * so a redelivered event is a no-op.
 */
@Component
@ProcessingGroup(ProcessingGroups.ALLIANCE_MEMBERS)
public class AllianceMemberProjection {

    private final JdbcTemplate jdbc;

    public AllianceMemberProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AllianceMembershipApplied event, @SequenceNumber long sequence) {
        jdbc.update("""
                INSERT INTO rm_alliance_member (member_id, alliance, organisation_name, organisation_type, credit_code,
                                                contact_person, contact_phone, status, applied_at, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'APPLIED', ?, ?)
                ON CONFLICT (member_id) DO NOTHING""",
                event.memberId(), event.alliance().name(), event.organisationName(), event.organisationType().name(),
                event.creditCode().value(), event.contactPerson(), event.contactPhone(),
                Sql.timestamp(event.appliedAt()), sequence);
    }

    @EventHandler
    void on(AllianceApplicationApproved event, @SequenceNumber long sequence) {
        update(event.memberId(), sequence, "status = 'APPROVED', reviewed_at = ?, review_notes = ?",
                Sql.timestamp(event.reviewedAt()), event.reviewerNotes());
    }

    @EventHandler
    void on(AllianceApplicationRejected event, @SequenceNumber long sequence) {
        update(event.memberId(), sequence, "status = 'REJECTED', reviewed_at = ?, review_notes = ?",
                Sql.timestamp(event.reviewedAt()), event.reason());
    }

    @EventHandler
    void on(AllianceConventionSigned event, @SequenceNumber long sequence) {
        update(event.memberId(), sequence, "convention_version = ?, convention_signed_at = ?, signatory = ?",
                event.conventionVersion(), Sql.timestamp(event.signedAt()), event.signatory());
    }

    @EventHandler
    void on(AllianceMemberAdmitted event, @SequenceNumber long sequence) {
        update(event.memberId(), sequence, "status = 'ADMITTED', admitted_at = ?", Sql.timestamp(event.admittedAt()));
    }

    @EventHandler
    void on(AllianceMemberSuspended event, @SequenceNumber long sequence) {
        update(event.memberId(), sequence, "status = 'SUSPENDED', suspended_at = ?, suspension_reason = ?",
                Sql.timestamp(event.suspendedAt()), event.reason());
    }

    @EventHandler
    void on(AllianceMemberReinstated event, @SequenceNumber long sequence) {
        update(event.memberId(), sequence, "status = 'ADMITTED', reinstated_at = ?, reinstatement_reason = ?",
                Sql.timestamp(event.reinstatedAt()), event.reason());
    }

    @EventHandler
    void on(AllianceMemberExpelled event, @SequenceNumber long sequence) {
        update(event.memberId(), sequence, "status = 'EXPELLED', expelled_at = ?, expulsion_reason = ?,"
                        + " reapplication_banned_until = ?", Sql.timestamp(event.expelledAt()), event.reason(),
                Sql.timestamp(event.reapplicationBannedUntil()));
    }

    @EventHandler
    void on(AllianceMemberWithdrew event, @SequenceNumber long sequence) {
        update(event.memberId(), sequence, "status = 'WITHDRAWN', withdrawn_at = ?, withdrawal_reason = ?",
                Sql.timestamp(event.withdrawnAt()), event.reason());
    }

    @EventHandler
    void on(PersonalDataErased event) {
        if (event.subjectKind() == DataSubjectKind.MEMBER_CONTACT) {
            ErasedColumns.erase(jdbc, "rm_alliance_member", "member_id", event.subjectId(),
                    "contact_person", "contact_phone");
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_alliance_member");
    }

    private void update(String memberId, long sequence, String assignments, Object... values) {
        Sql.updateIfNewer(jdbc, "rm_alliance_member", "member_id", memberId, sequence, assignments, values);
    }
}
