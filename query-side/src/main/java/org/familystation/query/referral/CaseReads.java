package org.familystation.query.referral;

import org.familystation.platform.security.FamilyStationUser;
import org.familystation.platform.web.CorrelationIdFilter;
import org.familystation.query.common.PageOf;
import org.familystation.query.common.PagedQuery;
import org.familystation.query.common.Paging;
import org.familystation.query.common.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The log of who read a referral's case in full (DOMAIN.md §9): written whenever the case summary is shown, and
 * read by auditors ({@code /api/audit/**}: ADMIN and AUDITOR). Written in the reading request itself, so a case
 * is never shown without its reading being recorded.
 */
@RestController
public class CaseReads {

    private static final RowMapper<CaseRead> ROW = (row, index) -> new CaseRead(row.getString("referral_id"),
            row.getString("username"), row.getString("unit_id"), Arrays.asList(row.getString("roles").split(",")),
            Sql.instant(row, "read_at"), row.getString("correlation_id"));

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public CaseReads(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records that the signed-in user is being shown the referral's case in full. */
    void record(String referralId) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        String roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(authority -> authority.replaceFirst("^ROLE_", "")).sorted().collect(Collectors.joining(","));
        String unit = user.getPrincipal() instanceof FamilyStationUser account ? account.unitId() : null;
        jdbc.update("""
                INSERT INTO case_read_log (referral_id, username, unit_id, roles, read_at, correlation_id)
                VALUES (:referral, :user, :unit, :roles, :at, :correlation)""", new MapSqlParameterSource()
                .addValue("referral", referralId).addValue("user", user.getName()).addValue("unit", unit)
                .addValue("roles", roles).addValue("at", Timestamp.from(clock.instant()))
                .addValue("correlation", CorrelationIdFilter.current()));
    }

    /** The readings of one referral's case, or of all cases by one user; latest first. */
    @GetMapping("/api/audit/case-reads")
    public PageOf<CaseRead> caseReads(@RequestParam(required = false) String referralId,
                                      @RequestParam(required = false) String username,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "20") int size) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("referral", referralId).addValue("user", username);
        return PagedQuery.page(jdbc, "case_read_log", """
                        WHERE (CAST(:referral AS VARCHAR) IS NULL OR referral_id = :referral)
                          AND (CAST(:user AS VARCHAR) IS NULL OR username = :user)""",
                "read_at DESC, id DESC", parameters, Paging.of(page, size), ROW);
    }
}
