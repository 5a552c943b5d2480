package org.familystation.query.alliance;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.familystation.events.alliance.AllianceMemberEvent;
import org.familystation.events.alliance.AllianceMembershipApplied;
import org.familystation.events.common.Alliance;
import org.familystation.events.common.OrganisationType;
import org.familystation.events.common.UnifiedSocialCreditCode;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.events.personaldata.PersonalDataErased;
import org.familystation.query.common.ErasedColumns;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds {@code rm_alliance_member}: each event is applied to the member its row holds by {@link AllianceMemberFold},
 * and the result written back. Each update applies only if its event is newer than what the row reflects, so a
 * redelivered event is a no-op.
 */
@Component
@ProcessingGroup(ProcessingGroups.ALLIANCE_MEMBERS)
public class AllianceMemberProjection {

    private final JdbcTemplate jdbc;

    public AllianceMemberProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AllianceMemberEvent event, @SequenceNumber long sequence) {
        AllianceMemberState before = event instanceof AllianceMembershipApplied ? null
                : load(event.memberId(), sequence);
        AllianceMemberState after = AllianceMemberFold.evolve(before, event);
        if (after == null) {
            return;
        }
        if (before == null) {
            insert(after, sequence);
        } else {
            update(after, sequence);
        }
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

    /** The member as its row reflects it, if the event at {@code sequence} is news to it (null otherwise). */
    private AllianceMemberState load(String memberId, long sequence) {
        return jdbc.query("SELECT * FROM rm_alliance_member WHERE member_id = ? AND last_sequence < ? FOR UPDATE",
                (row, index) -> new AllianceMemberState(memberId, Alliance.valueOf(row.getString("alliance")),
                        row.getString("organisation_name"),
                        OrganisationType.valueOf(row.getString("organisation_type")),
                        new UnifiedSocialCreditCode(row.getString("credit_code")),
                        row.getString("contact_person"), row.getString("contact_phone"),
                        MembershipStatus.valueOf(row.getString("status")),
                        Sql.instant(row, "applied_at"), Sql.instant(row, "reviewed_at"),
                        row.getString("review_notes"), row.getString("convention_version"),
                        Sql.instant(row, "convention_signed_at"), row.getString("signatory"),
                        Sql.instant(row, "admitted_at"), Sql.instant(row, "suspended_at"),
                        row.getString("suspension_reason"), Sql.instant(row, "reinstated_at"),
                        row.getString("reinstatement_reason"), Sql.instant(row, "expelled_at"),
                        row.getString("expulsion_reason"), Sql.instant(row, "reapplication_banned_until"),
                        Sql.instant(row, "withdrawn_at"), row.getString("withdrawal_reason")),
                memberId, sequence).stream().findFirst().orElse(null);
    }

    private void insert(AllianceMemberState member, long sequence) {
        jdbc.update("""
                INSERT INTO rm_alliance_member (member_id, alliance, organisation_name, organisation_type, credit_code,
                                                contact_person, contact_phone, status, applied_at, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (member_id) DO NOTHING""",
                member.memberId(), member.alliance().name(), member.organisationName(),
                member.organisationType().name(), member.creditCode().value(), member.contactPerson(),
                member.contactPhone(), member.status().name(), Sql.timestamp(member.appliedAt()), sequence);
    }

    /**
     * Writes what the membership's events change, and moves the row to {@code sequence}. Not what the application
     * fixed: the contact fields are erased by another stream, which this must not write back.
     */
    private void update(AllianceMemberState member, long sequence) {
        jdbc.update("""
                UPDATE rm_alliance_member SET status = ?, reviewed_at = ?, review_notes = ?, convention_version = ?,
                    convention_signed_at = ?, signatory = ?, admitted_at = ?, suspended_at = ?, suspension_reason = ?,
                    reinstated_at = ?, reinstatement_reason = ?, expelled_at = ?, expulsion_reason = ?,
                    reapplication_banned_until = ?, withdrawn_at = ?, withdrawal_reason = ?, last_sequence = ?
                WHERE member_id = ?""",
                member.status().name(), Sql.timestamp(member.reviewedAt()), member.reviewNotes(),
                member.conventionVersion(), Sql.timestamp(member.conventionSignedAt()), member.signatory(),
                Sql.timestamp(member.admittedAt()), Sql.timestamp(member.suspendedAt()), member.suspensionReason(),
                Sql.timestamp(member.reinstatedAt()), member.reinstatementReason(),
                Sql.timestamp(member.expelledAt()), member.expulsionReason(),
                Sql.timestamp(member.reapplicationBannedUntil()), Sql.timestamp(member.withdrawnAt()),
                member.withdrawalReason(), sequence, member.memberId());
    }
}
