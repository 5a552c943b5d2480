package org.familystation.query.offering;

import org.familystation.events.common.Alliance;
import org.familystation.events.common.CapacityPeriod;
import org.familystation.events.common.Pricing;
import org.familystation.events.common.StationPoint;
import org.familystation.platform.error.DomainException;
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

/** Offerings: filtered, one, and what a station offers. */
@RestController
public class OfferingQueryController {

    private static final RowMapper<OfferingView> ROW = (row, index) -> {
        StationPoint point = StationPoint.valueOf(row.getString("station_point"));
        Pricing pricing = Pricing.valueOf(row.getString("pricing"));
        CapacityPeriod period = CapacityPeriod.valueOf(row.getString("capacity_period"));
        long price = row.getLong("price_fen");
        return new OfferingView(row.getString("offering_id"), row.getString("member_id"),
                Alliance.valueOf(row.getString("alliance")), row.getString("organisation_name"),
                row.getString("station_id"), row.getString("station_name"), row.getString("district"), point,
                point.label(), row.getString("project_code"), row.getString("project_name"), pricing,
                pricing.label(), row.wasNull() ? null : price, row.getInt("capacity"), period, period.label(),
                row.getString("schedule"), Sql.instant(row, "offered_at"), row.getBoolean("active"),
                Sql.instant(row, "withdrawn_at"), row.getString("withdrawal_reason"));
    };

    private final NamedParameterJdbcTemplate jdbc;

    public OfferingQueryController(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/offerings")
    public PageOf<OfferingView> offerings(@RequestParam(required = false) String stationId,
                                          @RequestParam(required = false) String memberId,
                                          @RequestParam(required = false) String projectCode,
                                          @RequestParam(required = false) Boolean active,
                                          @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "20") int size) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("station", stationId)
                .addValue("member", memberId)
                .addValue("project", projectCode)
                .addValue("active", active);
        return PagedQuery.page(jdbc, "rm_offering", """
                        WHERE (CAST(:station AS VARCHAR) IS NULL OR station_id = :station)
                          AND (CAST(:member AS VARCHAR) IS NULL OR member_id = :member)
                          AND (CAST(:project AS VARCHAR) IS NULL OR project_code = :project)
                          AND (CAST(:active AS BOOLEAN) IS NULL OR active = :active)""",
                "offered_at DESC, offering_id", parameters, Paging.of(page, size), ROW);
    }

    /** What is offered at a station; only what is offered now unless {@code active} says otherwise. */
    @GetMapping("/api/stations/{stationId}/offerings")
    public PageOf<OfferingView> stationOfferings(@PathVariable String stationId,
                                                 @RequestParam(defaultValue = "true") Boolean active,
                                                 @RequestParam(defaultValue = "0") int page,
                                                 @RequestParam(defaultValue = "20") int size) {
        return offerings(stationId, null, null, active, page, size);
    }

    @GetMapping("/api/offerings/{offeringId}")
    public OfferingView offering(@PathVariable String offeringId) {
        return jdbc.query("SELECT * FROM rm_offering WHERE offering_id = :id",
                        new MapSqlParameterSource("id", offeringId), ROW).stream().findFirst()
                .orElseThrow(() -> DomainException.refuse(QueryRefusals.OFFERING_NOT_FOUND, offeringId));
    }
}
