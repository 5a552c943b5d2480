package org.familystation.query.evaluation;

import org.familystation.platform.error.DomainException;
import org.familystation.query.reach.Reach;
import org.familystation.query.station.StationTables;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Finds the stations and community homes of a cohort in the read models (network, stations). */
@Component
class Cohorts {

    private static final String DEMONSTRATION = "'PROVINCIAL_DEMONSTRATION'";

    private final NamedParameterJdbcTemplate jdbc;
    private final EvaluationProperties properties;

    Cohorts(NamedParameterJdbcTemplate jdbc, EvaluationProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** @param field the request parameter that named the cohort, for a refusal */
    CohortScope resolve(Cohort cohort, String field) {
        return switch (cohort.kind()) {
            case ALL -> new CohortScope(cohort, null, null);
            case PILOT -> {
                List<String> stations = pilot();
                yield new CohortScope(cohort, stations, homesOf(stations));
            }
            case NON_PILOT -> {
                List<String> pilot = pilot();
                MapSqlParameterSource parameters = new MapSqlParameterSource("pilot", pilot);
                String notPilot = pilot.isEmpty() ? "TRUE" : "station_id NOT IN (:pilot)";
                List<String> pilotHomes = homesOf(pilot);
                parameters.addValue("pilotHomes", pilotHomes);
                yield new CohortScope(cohort,
                        ids("SELECT station_id FROM rm_station WHERE " + notPilot + " ORDER BY station_id", parameters),
                        ids("SELECT unit_id FROM rm_org_unit WHERE level = 'COMMUNITY_HOME'"
                                + (pilotHomes.isEmpty() ? "" : " AND unit_id NOT IN (:pilotHomes)")
                                + " ORDER BY unit_id", parameters));
            }
            case DEMONSTRATION -> new CohortScope(cohort,
                    ids("SELECT station_id FROM " + StationTables.WITH_CURRENT_TIER + " WHERE current_tier = "
                            + DEMONSTRATION + " ORDER BY station_id", new MapSqlParameterSource()),
                    ids("SELECT unit_id FROM rm_org_unit WHERE level = 'COMMUNITY_HOME' AND tier = " + DEMONSTRATION
                            + " ORDER BY unit_id", new MapSqlParameterSource()));
            case DISTRICT -> {
                MapSqlParameterSource parameters = new MapSqlParameterSource("district", cohort.district());
                Long units = jdbc.queryForObject("SELECT count(*) FROM rm_org_unit WHERE district = :district",
                        parameters, Long.class);
                if (units == null || units == 0) {
                    throw DomainException.refuseField(EvaluationRefusals.DISTRICT_UNKNOWN, field, cohort.district());
                }
                yield new CohortScope(cohort,
                        ids("SELECT station_id FROM rm_station WHERE district = :district ORDER BY station_id",
                                parameters),
                        ids("SELECT unit_id FROM rm_org_unit WHERE level = 'COMMUNITY_HOME' AND district = :district"
                                + " ORDER BY unit_id", parameters));
            }
        };
    }

    /**
     * The cohort within the reach: only its stations and homes in reach (and never the network's funds below the
     * whole network); a district's branch asking for all of them gets its district.
     */
    CohortScope resolve(Cohort cohort, String field, Reach reach) {
        CohortScope scope = resolve(cohort, field);
        if (reach.wholeNetwork() && reach.stationSide()) {
            return scope;
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        List<String> stations = ids("SELECT station_id FROM rm_station WHERE "
                + reach.units("community_home_id", parameters) + " ORDER BY station_id", parameters);
        List<String> homes = ids("SELECT unit_id FROM rm_org_unit WHERE level = 'COMMUNITY_HOME' AND "
                + reach.units("unit_id", parameters) + " ORDER BY unit_id", parameters);
        return new CohortScope(cohort, within(scope.stationIds(), stations), within(scope.homeIds(), homes));
    }

    private static List<String> within(List<String> cohort, List<String> inReach) {
        if (cohort == null) {
            return inReach;
        }
        Set<String> reach = new HashSet<>(inReach);
        return cohort.stream().filter(reach::contains).toList();
    }

    /**
     * The pilot stations: those configured that exist, or the first ones opened at homes that were provincial
     * demonstration homes when the station opened (ties broken by id, so the answer never depends on row order).
     */
    private List<String> pilot() {
        if (!properties.getPilotStationIds().isEmpty()) {
            return ids("SELECT station_id FROM rm_station WHERE station_id IN (:ids) ORDER BY station_id",
                    new MapSqlParameterSource("ids", properties.getPilotStationIds()));
        }
        return ids("SELECT station_id FROM (SELECT station_id FROM rm_station WHERE home_tier = " + DEMONSTRATION
                + " ORDER BY opened_at, station_id LIMIT :size) AS first ORDER BY station_id",
                new MapSqlParameterSource("size", properties.getPilotSize()));
    }

    private List<String> homesOf(List<String> stations) {
        if (stations.isEmpty()) {
            return List.of();
        }
        return ids("SELECT DISTINCT community_home_id FROM rm_station WHERE station_id IN (:stations)"
                + " ORDER BY community_home_id", new MapSqlParameterSource("stations", stations));
    }

    private List<String> ids(String sql, MapSqlParameterSource parameters) {
        return jdbc.queryForList(sql, parameters, String.class);
    }
}
