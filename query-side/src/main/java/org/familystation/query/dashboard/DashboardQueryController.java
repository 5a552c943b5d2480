package org.familystation.query.dashboard;

import org.familystation.events.common.Alliance;
import org.familystation.events.common.StationPoint;
import org.familystation.platform.error.DomainException;
import org.familystation.query.common.AnswerCache;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.QueryRefusals;
import org.familystation.query.dashboard.DashboardSummary.AllianceCount;
import org.familystation.query.dashboard.DashboardSummary.DistrictCount;
import org.familystation.query.dashboard.DashboardSummary.ServiceCount;
import org.familystation.query.reach.Reach;
import org.familystation.query.reach.Reaches;
import org.familystation.query.servicerecord.ServiceStats;
import org.familystation.query.station.StationTables;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The dashboard summary, answered from the read models' small tables and counters (never from the events):
 * a few GROUP BYs over at most thousands of rows, whatever the volume of history. A repeated request is answered
 * from the {@link AnswerCache} while those read models are unchanged.
 */
@RestController
public class DashboardQueryController {

    /** Whose tables the summary reads: rm_station, rm_org_unit (current tiers), rm_alliance_member, rm_service_stats. */
    private static final List<String> READ_MODELS = List.of(ProcessingGroups.STATIONS, ProcessingGroups.NETWORK,
            ProcessingGroups.ALLIANCE_MEMBERS, ProcessingGroups.SERVICE_RECORDS);

    private final NamedParameterJdbcTemplate jdbc;
    private final AnswerCache answers;
    private final Reaches reaches;

    public DashboardQueryController(NamedParameterJdbcTemplate jdbc, AnswerCache answers, Reaches reaches) {
        this.jdbc = jdbc;
        this.answers = answers;
        this.reaches = reaches;
    }

    /**
     * @param district only this district's stations and services
     * @param from     first month of services counted (yyyy-MM, users' calendar), open when absent
     * @param to       last month of services counted, included
     */
    @GetMapping("/api/dashboard/summary")
    public DashboardSummary summary(@RequestParam(required = false) String district,
                                    @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
                                    @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw DomainException.refuseField(QueryRefusals.PERIOD_INVALID, "from");
        }
        Reach reach = reaches.current();
        return answers.answer(READ_MODELS, Arrays.asList("summary", reach.key(), district, from, to),
                () -> compute(reach, new MapSqlParameterSource()
                        .addValue("district", district)
                        .addValue("from", from == null ? null : from.toString())
                        .addValue("to", to == null ? null : to.toString())));
    }

    private DashboardSummary compute(Reach reach, MapSqlParameterSource parameters) {
        List<DistrictCount> districts = jdbc.query("""
                SELECT district, count(*) AS stations,
                       count(*) FILTER (WHERE current_tier = 'PROVINCIAL_DEMONSTRATION') AS demonstration
                FROM""" + " " + StationTables.WITH_CURRENT_TIER
                        + " WHERE status <> 'CLOSED' AND (CAST(:district AS VARCHAR) IS NULL OR district = :district)"
                        + " AND " + reach.units("community_home_id", parameters)
                        + " GROUP BY district ORDER BY district", parameters,
                (row, index) -> new DistrictCount(row.getString("district"), row.getLong("stations"),
                        row.getLong("demonstration")));
        return new DashboardSummary(
                new DashboardSummary.Stations(districts.stream().mapToLong(DistrictCount::stations).sum(), districts),
                allianceMembers(),
                services(ServiceStats.inReach(reach, parameters), parameters));
    }

    private List<AllianceCount> allianceMembers() {
        Map<Alliance, Map<String, Long>> counts = new LinkedHashMap<>();
        Arrays.stream(Alliance.values()).forEach(alliance -> counts.put(alliance, new LinkedHashMap<>()));
        jdbc.query("SELECT alliance, status, count(*) AS members FROM rm_alliance_member GROUP BY alliance, status"
                        + " ORDER BY alliance, status",
                row -> {
                    counts.get(Alliance.valueOf(row.getString("alliance")))
                            .put(row.getString("status"), row.getLong("members"));
                });
        return counts.entrySet().stream()
                .map(entry -> new AllianceCount(entry.getKey().name(), entry.getKey().label(),
                        entry.getValue().values().stream().mapToLong(Long::longValue).sum(), entry.getValue()))
                .toList();
    }

    private DashboardSummary.Services services(String stats, MapSqlParameterSource parameters) {
        String filter = """
                WHERE (CAST(:district AS VARCHAR) IS NULL OR district = :district)
                  AND (CAST(:from AS VARCHAR) IS NULL OR month >= :from)
                  AND (CAST(:to AS VARCHAR) IS NULL OR month <= :to)""";
        List<ServiceCount> byPoint = serviceCounts(stats, "station_point", "station_point", filter, parameters,
                key -> StationPoint.valueOf(key).label());
        List<ServiceCount> byProject = serviceCounts(stats, "project_code", "max(project_name)", filter, parameters,
                null);
        List<ServiceCount> byDistrict = serviceCounts(stats, "district", "district", filter, parameters, null);
        List<ServiceCount> byMonth = serviceCounts(stats, "month", "month", filter, parameters, null);
        Map<String, Object> totals = jdbc.queryForMap("""
                SELECT coalesce(sum(services), 0) AS services, coalesce(sum(participants), 0) AS participants,
                       coalesce(sum(satisfaction_sum), 0) AS rating_sum, coalesce(sum(satisfaction_count), 0) AS ratings
                FROM""" + " " + stats + " " + filter, parameters);
        return new DashboardSummary.Services(((Number) totals.get("services")).longValue(),
                ((Number) totals.get("participants")).longValue(),
                average(((Number) totals.get("rating_sum")).longValue(), ((Number) totals.get("ratings")).longValue()),
                byPoint, byProject, byDistrict, byMonth);
    }

    private List<ServiceCount> serviceCounts(String stats, String key, String label, String filter,
                                             MapSqlParameterSource parameters, Function<String, String> labelOf) {
        return jdbc.query("SELECT " + key + " AS key, " + label + " AS label, sum(services) AS services,"
                        + " sum(participants) AS participants, sum(satisfaction_sum) AS rating_sum,"
                        + " sum(satisfaction_count) AS ratings FROM " + stats + " " + filter
                        + " GROUP BY " + key + " HAVING sum(services) > 0 ORDER BY " + key, parameters,
                (row, index) -> new ServiceCount(row.getString("key"),
                        labelOf == null ? row.getString("label") : labelOf.apply(row.getString("key")),
                        row.getLong("services"), row.getLong("participants"),
                        average(row.getLong("rating_sum"), row.getLong("ratings"))));
    }

    /** Average satisfaction to two decimals, or null when nothing was rated. */
    public static Double average(long sum, long count) {
        return count == 0 ? null : Math.round(sum * 100.0 / count) / 100.0;
    }
}
