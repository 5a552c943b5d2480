package org.familystation.query.referral;

import org.familystation.events.common.CityCentre;
import org.familystation.events.common.ConsentMethod;
import org.familystation.platform.error.DomainException;
import org.familystation.query.common.PageOf;
import org.familystation.query.common.PagedQuery;
import org.familystation.query.common.Paging;
import org.familystation.query.common.QueryRefusals;
import org.familystation.query.common.Sql;
import org.familystation.query.reach.Reaches;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


/** Referrals: a filtered list without personal data, and one referral in full. */
@RestController
public class ReferralQueryController {

    private static final RowMapper<ReferralOverview> OVERVIEW = (row, index) -> {
        CityCentre centre = CityCentre.valueOf(row.getString("centre"));
        ReferralStatus status = ReferralStatus.valueOf(row.getString("status"));
        return new ReferralOverview(row.getString("referral_id"), row.getString("station_id"),
                row.getString("station_name"), row.getString("district"), centre, centre.label(),
                row.getString("category_code"), row.getString("category_name"), status, status.label(),
                Sql.instant(row, "referred_at"), Sql.instant(row, "acceptance_due_by"), row.getBoolean("overdue"),
                Sql.instant(row, "flagged_overdue_at"), Sql.instant(row, "accepted_at"),
                Sql.instant(row, "declined_at"), Sql.instant(row, "work_started_at"), Sql.instant(row, "resolved_at"),
                Sql.instant(row, "closed_at"), Sql.instant(row, "withdrawn_at"));
    };

    private static final RowMapper<ReferralDetails> DETAILS = (row, index) -> {
        ConsentMethod consent = ConsentMethod.valueOf(row.getString("consent_method"));
        return new ReferralDetails(OVERVIEW.mapRow(row, index), row.getString("summary"), consent, consent.label(),
                row.getString("decline_reason"), row.getString("outcome"), row.getString("withdrawal_reason"));
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final CaseReads caseReads;
    private final Reaches reaches;

    public ReferralQueryController(NamedParameterJdbcTemplate jdbc, CaseReads caseReads, Reaches reaches) {
        this.jdbc = jdbc;
        this.caseReads = caseReads;
        this.reaches = reaches;
    }

    /**
     * Referrals, newest first.
     *
     * @param overdue true: only those whose acceptance was or is late; false: only the others
     */
    @GetMapping("/api/referrals")
    public PageOf<ReferralOverview> referrals(@RequestParam(required = false) CityCentre centre,
                                              @RequestParam(required = false) ReferralStatus status,
                                              @RequestParam(required = false) String district,
                                              @RequestParam(required = false) String stationId,
                                              @RequestParam(required = false) Boolean overdue,
                                              @RequestParam(defaultValue = "0") int page,
                                              @RequestParam(defaultValue = "20") int size) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("centre", centre == null ? null : centre.name())
                .addValue("status", status == null ? null : status.name())
                .addValue("district", district)
                .addValue("station", stationId)
                .addValue("overdue", overdue);
        String inReach = reaches.current().referrals("station_id", "centre", parameters);
        return PagedQuery.page(jdbc, "rm_referral_now", """
                        WHERE (CAST(:centre AS VARCHAR) IS NULL OR centre = :centre)
                          AND (CAST(:status AS VARCHAR) IS NULL OR status = :status)
                          AND (CAST(:district AS VARCHAR) IS NULL OR district = :district)
                          AND (CAST(:station AS VARCHAR) IS NULL OR station_id = :station)
                          AND (CAST(:overdue AS BOOLEAN) IS NULL OR overdue = :overdue)
                          AND\s""" + inReach,
                "referred_at DESC, referral_id", parameters, Paging.of(page, size), OVERVIEW);
    }

    /**
     * One referral with the case summary: to the station side in reach and the centre it is addressed to; to others
     * it is unknown. Each such reading is recorded ({@link CaseReads}).
     */
    @GetMapping("/api/referrals/{referralId}")
    public ReferralDetails referral(@PathVariable String referralId) {
        MapSqlParameterSource id = new MapSqlParameterSource("id", referralId);
        String inReach = reaches.current().referrals("station_id", "centre", id);
        ReferralDetails details = jdbc.query("SELECT * FROM rm_referral_now WHERE referral_id = :id AND " + inReach,
                        id, DETAILS)
                .stream().findFirst()
                .orElseThrow(() -> DomainException.refuse(QueryRefusals.REFERRAL_NOT_FOUND, referralId));
        caseReads.record(referralId);
        return details;
    }
}
