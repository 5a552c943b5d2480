package org.familystation.command.alliance;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.familystation.command.common.CommandRegistries;
import org.familystation.command.common.Registry;
import org.familystation.events.alliance.AllianceApplicationApproved;
import org.familystation.events.alliance.AllianceApplicationRejected;
import org.familystation.events.alliance.AllianceConventionSigned;
import org.familystation.events.alliance.AllianceMemberAdmitted;
import org.familystation.events.alliance.AllianceMemberExpelled;
import org.familystation.events.alliance.AllianceMemberReinstated;
import org.familystation.events.alliance.AllianceMemberSuspended;
import org.familystation.events.alliance.AllianceMemberWithdrew;
import org.familystation.events.alliance.AllianceMembershipApplied;
import org.familystation.events.common.Alliance;
import org.familystation.platform.error.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The member registry in PostgreSQL ({@code cmd_alliance_member}), kept by the membership events themselves. */
@Component
@ProcessingGroup(CommandRegistries.PROCESSING_GROUP)
@Registry(tables = "cmd_alliance_member", version = 1)
public class JdbcMemberRegistry implements MemberRegistry {

    private final JdbcTemplate jdbc;

    public JdbcMemberRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean hasLiveMembership(Alliance alliance, String creditCode) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM cmd_alliance_member
                               WHERE alliance = ? AND credit_code = ?
                                 AND status IN ('APPLIED', 'APPROVED', 'ADMITTED', 'SUSPENDED'))""",
                Boolean.class, alliance.name(), creditCode));
    }

    @Override
    public Optional<Instant> reapplicationBannedUntil(Alliance alliance, String creditCode, Instant now) {
        Timestamp until = jdbc.queryForObject("""
                SELECT max(reapplication_banned_until) FROM cmd_alliance_member
                WHERE alliance = ? AND credit_code = ? AND status = 'EXPELLED' AND reapplication_banned_until > ?""",
                Timestamp.class, alliance.name(), creditCode, Timestamp.from(now));
        return Optional.ofNullable(until).map(Timestamp::toInstant);
    }

    @Override
    public List<String> admittedWithoutSignature(Alliance alliance, String conventionVersion) {
        return jdbc.queryForList("""
                SELECT member_id FROM cmd_alliance_member
                WHERE alliance = ? AND status = 'ADMITTED' AND signed_convention_version IS DISTINCT FROM ?
                ORDER BY member_id""", String.class, alliance.name(), conventionVersion);
    }

    @Override
    public Optional<MemberFacts> find(String memberId) {
        return jdbc.query("SELECT alliance, organisation_name, status, admitted_at FROM cmd_alliance_member"
                        + " WHERE member_id = ?",
                (row, index) -> new MemberFacts(memberId, Alliance.valueOf(row.getString(1)), row.getString(2),
                        MembershipStatus.valueOf(row.getString(3)), instant(row.getTimestamp(4))), memberId)
                .stream().findFirst();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @EventHandler
    void on(AllianceMembershipApplied event) {
        try {
            jdbc.update("""
                    INSERT INTO cmd_alliance_member (member_id, alliance, credit_code, organisation_name, status)
                    VALUES (?, ?, ?, ?, 'APPLIED')""",
                    event.memberId(), event.alliance().name(), event.creditCode().value(), event.organisationName());
        } catch (DuplicateKeyException raced) {
            // Another node accepted the same organisation between our check and this insert.
            throw DomainException.refuse(AllianceRefusals.CREDIT_CODE_ALREADY_IN_ALLIANCE, event.creditCode().value());
        }
    }

    @EventHandler
    void on(AllianceApplicationApproved event) {
        setStatus(event.memberId(), MembershipStatus.APPROVED);
    }

    @EventHandler
    void on(AllianceApplicationRejected event) {
        setStatus(event.memberId(), MembershipStatus.REJECTED);
    }

    @EventHandler
    void on(AllianceConventionSigned event) {
        jdbc.update("UPDATE cmd_alliance_member SET signed_convention_version = ? WHERE member_id = ?",
                event.conventionVersion(), event.memberId());
    }

    @EventHandler
    void on(AllianceMemberAdmitted event) {
        // The first admission's business date: offerings are not made before it.
        jdbc.update("UPDATE cmd_alliance_member SET status = 'ADMITTED', admitted_at = COALESCE(admitted_at, ?)"
                + " WHERE member_id = ?", Timestamp.from(event.admittedAt()), event.memberId());
    }

    @EventHandler
    void on(AllianceMemberSuspended event) {
        setStatus(event.memberId(), MembershipStatus.SUSPENDED);
    }

    @EventHandler
    void on(AllianceMemberReinstated event) {
        setStatus(event.memberId(), MembershipStatus.ADMITTED);
    }

    @EventHandler
    void on(AllianceMemberExpelled event) {
        jdbc.update("UPDATE cmd_alliance_member SET status = 'EXPELLED', reapplication_banned_until = ?"
                + " WHERE member_id = ?", Timestamp.from(event.reapplicationBannedUntil()), event.memberId());
    }

    @EventHandler
    void on(AllianceMemberWithdrew event) {
        setStatus(event.memberId(), MembershipStatus.WITHDRAWN);
    }

    private void setStatus(String memberId, MembershipStatus status) {
        jdbc.update("UPDATE cmd_alliance_member SET status = ? WHERE member_id = ?", status.name(), memberId);
    }
}
