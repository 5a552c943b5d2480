package org.familystation.query.alliance;

import org.familystation.events.common.Alliance;
import org.familystation.events.common.OrganisationType;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.personaldata.Phones;
import org.familystation.query.alliance.AllianceMemberView.ConventionOwed;
import org.familystation.query.common.PageOf;
import org.familystation.query.common.PagedQuery;
import org.familystation.query.common.Paging;
import org.familystation.query.common.QueryRefusals;
import org.familystation.query.common.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.Set;


/** Alliance members and applicants: a filtered list, and one with its lifecycle dates. */
@RestController
public class AllianceMemberQueryController {

    /** Who must sign the current convention: members in the alliance, suspended ones to be reinstated. */
    private static final Set<String> OWING_STATUSES = Set.of("ADMITTED", "SUSPENDED");

    private final NamedParameterJdbcTemplate jdbc;
    private final PublishedConventions conventions;

    public AllianceMemberQueryController(NamedParameterJdbcTemplate jdbc, PublishedConventions conventions) {
        this.jdbc = jdbc;
        this.conventions = conventions;
    }

    @GetMapping("/api/alliance-members")
    public PageOf<AllianceMemberView> members(@RequestParam(required = false) Alliance alliance,
                                              @RequestParam(required = false) MembershipStatus status,
                                              @RequestParam(defaultValue = "0") int page,
                                              @RequestParam(defaultValue = "20") int size) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("alliance", alliance == null ? null : alliance.name())
                .addValue("status", status == null ? null : status.name());
        return PagedQuery.page(jdbc, "rm_alliance_member", """
                        WHERE (CAST(:alliance AS VARCHAR) IS NULL OR alliance = :alliance)
                          AND (CAST(:status AS VARCHAR) IS NULL OR status = :status)""",
                "alliance, organisation_name, member_id", parameters, Paging.of(page, size),
                rows(conventions.current()));
    }

    @GetMapping("/api/alliance-members/{memberId}")
    public AllianceMemberView member(@PathVariable String memberId) {
        return jdbc.query("SELECT * FROM rm_alliance_member WHERE member_id = :id",
                        new MapSqlParameterSource("id", memberId), rows(conventions.current())).stream().findFirst()
                .orElseThrow(() -> DomainException.refuse(QueryRefusals.MEMBER_NOT_FOUND, memberId));
    }

    private static RowMapper<AllianceMemberView> rows(Map<Alliance, ConventionVersion> currentConventions) {
        return (row, index) -> {
            Alliance alliance = Alliance.valueOf(row.getString("alliance"));
            String status = row.getString("status");
            String signed = row.getString("convention_version");
            ConventionVersion current = currentConventions.get(alliance);
            ConventionOwed owed = current != null && OWING_STATUSES.contains(status)
                    && !current.conventionVersion().equals(signed)
                    ? new ConventionOwed(current.conventionVersion(), current.signatureDueBy()) : null;
            return new AllianceMemberView(row.getString("member_id"), alliance, alliance.label(),
                    row.getString("organisation_name"), OrganisationType.valueOf(row.getString("organisation_type")),
                    row.getString("credit_code"), row.getString("contact_person"),
                    Phones.forCurrentUser(row.getString("contact_phone")),
                    status, Sql.instant(row, "applied_at"), Sql.instant(row, "reviewed_at"),
                    row.getString("review_notes"), signed, Sql.instant(row, "convention_signed_at"),
                    row.getString("signatory"), Sql.instant(row, "admitted_at"), Sql.instant(row, "suspended_at"),
                    row.getString("suspension_reason"), Sql.instant(row, "reinstated_at"),
                    row.getString("reinstatement_reason"), Sql.instant(row, "expelled_at"),
                    row.getString("expulsion_reason"), Sql.instant(row, "reapplication_banned_until"),
                    Sql.instant(row, "withdrawn_at"), row.getString("withdrawal_reason"), owed);
        };
    }
}
