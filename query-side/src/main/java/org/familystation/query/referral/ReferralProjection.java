package org.familystation.query.referral;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.events.personaldata.PersonalDataErased;
import org.familystation.events.referral.CaseReferred;
import org.familystation.events.referral.ReferralAcceptanceOverdue;
import org.familystation.events.referral.ReferralAccepted;
import org.familystation.events.referral.ReferralClosed;
import org.familystation.events.referral.ReferralDeclined;
import org.familystation.events.referral.ReferralResolved;
import org.familystation.events.referral.ReferralWithdrawn;
import org.familystation.events.referral.ReferralWorkStarted;
import org.familystation.query.common.ErasedColumns;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Builds {@code rm_referral}, one row per referral. Each event is one statement that applies only if the event is
 * newer than what the row reflects, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(ProcessingGroups.REFERRALS)
public class ReferralProjection {

    private final JdbcTemplate jdbc;

    public ReferralProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CaseReferred event, @SequenceNumber long sequence) {
        jdbc.update("""
                INSERT INTO rm_referral (referral_id, station_id, station_name, district, centre, category_code,
                                         category_name, summary, consent_method, status, referred_at,
                                         acceptance_due_by, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (referral_id) DO NOTHING""",
                event.referralId(), event.stationId(), event.stationName(), event.district(), event.centre().name(),
                event.categoryCode(), event.categoryName(), event.summary(), event.consentMethod().name(),
                ReferralStatus.REFERRED.name(), Sql.timestamp(event.referredAt()),
                Sql.timestamp(event.acceptanceDueBy()), sequence);
    }

    @EventHandler
    void on(ReferralAccepted event, @SequenceNumber long sequence) {
        update(event.referralId(), sequence, ReferralStatus.ACCEPTED, "accepted_at = ?",
                Sql.timestamp(event.acceptedAt()));
    }

    @EventHandler
    void on(ReferralDeclined event, @SequenceNumber long sequence) {
        update(event.referralId(), sequence, ReferralStatus.DECLINED, "declined_at = ?, decline_reason = ?",
                Sql.timestamp(event.declinedAt()), event.reason());
    }

    @EventHandler
    void on(ReferralWorkStarted event, @SequenceNumber long sequence) {
        update(event.referralId(), sequence, ReferralStatus.IN_PROGRESS, "work_started_at = ?",
                Sql.timestamp(event.startedAt()));
    }

    @EventHandler
    void on(ReferralResolved event, @SequenceNumber long sequence) {
        update(event.referralId(), sequence, ReferralStatus.RESOLVED, "resolved_at = ?, outcome = ?",
                Sql.timestamp(event.resolvedAt()), event.outcome());
    }

    @EventHandler
    void on(ReferralClosed event, @SequenceNumber long sequence) {
        update(event.referralId(), sequence, ReferralStatus.CLOSED, "closed_at = ?", Sql.timestamp(event.closedAt()));
    }

    @EventHandler
    void on(ReferralWithdrawn event, @SequenceNumber long sequence) {
        update(event.referralId(), sequence, ReferralStatus.WITHDRAWN, "withdrawn_at = ?, withdrawal_reason = ?",
                Sql.timestamp(event.withdrawnAt()), event.reason());
    }

    /** The flag does not change the status; the event's own time is when it was raised. */
    @EventHandler
    void on(ReferralAcceptanceOverdue event, @SequenceNumber long sequence, @Timestamp Instant flaggedAt) {
        Sql.updateIfNewer(jdbc, "rm_referral", "referral_id", event.referralId(), sequence, "flagged_overdue_at = ?",
                Sql.timestamp(flaggedAt));
    }

    @EventHandler
    void on(PersonalDataErased event) {
        if (event.subjectKind() == DataSubjectKind.REFERRAL) {
            ErasedColumns.erase(jdbc, "rm_referral", "referral_id", event.subjectId(),
                    "summary", "decline_reason", "outcome", "withdrawal_reason");
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_referral");
    }

    private void update(String referralId, long sequence, ReferralStatus status, String assignments,
                        Object... values) {
        Sql.updateIfNewer(jdbc, "rm_referral", "referral_id", referralId, sequence,
                "status = '" + status.name() + "', " + assignments, values);
    }
}
