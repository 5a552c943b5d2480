package org.familystation.query.station;

import org.familystation.events.common.HomeTier;
import org.familystation.events.common.StationPoint;
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

import java.util.Arrays;
import java.util.List;

/** Stations: a filtered list, and one station. */
@RestController
public class StationQueryController {

    private static final RowMapper<StationOverview> ROW = (row, index) -> {
        HomeTier tier = HomeTier.valueOf(row.getString("current_tier"));
        String points = row.getString("active_points");
        return new StationOverview(row.getString("station_id"), row.getString("station_name"),
                row.getString("community_home_id"), row.getString("community_home_name"), row.getString("district"),
                tier, tier.label(), row.getString("status"),
                points.isEmpty() ? List.of() : Arrays.stream(points.split(",")).map(StationPoint::valueOf).toList(),
                Sql.instant(row, "opened_at"), row.getString("status_reason"), Sql.instant(row, "status_changed_at"),
                null);
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final Reaches reaches;

    public StationQueryController(NamedParameterJdbcTemplate jdbc, Reaches reaches) {
        this.jdbc = jdbc;
        this.reaches = reaches;
    }

    @GetMapping("/api/stations")
    public PageOf<StationOverview> stations(@RequestParam(required = false) String district,
                                            @RequestParam(required = false) HomeTier tier,
                                            @RequestParam(required = false) StationStatus status,
                                            @RequestParam(required = false) String name,
                                            @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "20") int size) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("district", district)
                .addValue("tier", tier == null ? null : tier.name())
                .addValue("status", status == null ? null : status.name())
                .addValue("name", Sql.containing(name));
        String inReach = reaches.current().units("community_home_id", parameters);
        return PagedQuery.page(jdbc, StationTables.WITH_CURRENT_TIER, """
                        WHERE (CAST(:district AS VARCHAR) IS NULL OR district = :district)
                          AND (CAST(:tier AS VARCHAR) IS NULL OR current_tier = :tier)
                          AND (CAST(:status AS VARCHAR) IS NULL OR status = :status)
                          AND (CAST(:name AS VARCHAR) IS NULL OR station_name LIKE :name)
                          AND\s""" + inReach,
                "district, station_name, station_id", parameters, Paging.of(page, size), ROW);
    }

    @GetMapping("/api/stations/{stationId}")
    public StationOverview station(@PathVariable String stationId) {
        MapSqlParameterSource id = new MapSqlParameterSource("id", stationId);
        String inReach = reaches.current().units("community_home_id", id);
        StationOverview station = jdbc.query("SELECT * FROM " + StationTables.WITH_CURRENT_TIER
                        + " WHERE station_id = :id AND " + inReach, id, ROW)
                .stream().findFirst()
                .orElseThrow(() -> DomainException.refuse(QueryRefusals.STATION_NOT_FOUND, stationId));
        return station.withSpecialties(jdbc.query(
                "SELECT code, name, added_at FROM rm_station_specialty WHERE station_id = :id ORDER BY added_at, code",
                id, (row, index) -> new StationOverview.Specialty(row.getString("code"), row.getString("name"),
                        Sql.instant(row, "added_at"))));
    }
}
