package org.familystation.query.network;

import org.familystation.events.common.StationPoint;
import org.familystation.query.common.AnswerCache;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.network.NetworkDashboard.DistrictNetwork;
import org.familystation.query.network.NetworkDashboard.SpecialtyCount;
import org.familystation.query.reach.Reach;
import org.familystation.query.reach.Reaches;
import org.familystation.query.station.StationTables;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Network size by district and tier, from the unit and station read models (thousands of rows at most); a repeated
 * request is answered from the {@link AnswerCache} while they are unchanged.
 */
@RestController
public class NetworkDashboardController {

    /** Whose tables the answer reads: rm_org_unit, rm_station and rm_station_specialty. */
    private static final List<String> READ_MODELS = List.of(ProcessingGroups.NETWORK, ProcessingGroups.STATIONS);

    private final NamedParameterJdbcTemplate jdbc;
    private final AnswerCache answers;
    private final Reaches reaches;

    public NetworkDashboardController(NamedParameterJdbcTemplate jdbc, AnswerCache answers, Reaches reaches) {
        this.jdbc = jdbc;
        this.answers = answers;
        this.reaches = reaches;
    }

    /** The units and stations in the caller's reach. */
    @GetMapping("/api/dashboard/network")
    public NetworkDashboard network(@RequestParam(required = false) String district) {
        Reach reach = reaches.current();
        return answers.answer(READ_MODELS, Arrays.asList("network", reach.key(), district),
                () -> compute(reach, district));
    }

    private NetworkDashboard compute(Reach reach, String district) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("district", district);
        String inDistrict = "(CAST(:district AS VARCHAR) IS NULL OR district = :district)";
        String units = inDistrict + " AND " + reach.units("unit_id", parameters);
        String stations = inDistrict + " AND " + reach.units("community_home_id", parameters);

        Map<String, Long> unitsByLevel = new LinkedHashMap<>();
        jdbc.query("SELECT level, count(*) AS units FROM rm_org_unit WHERE " + units
                        + " GROUP BY level ORDER BY level", parameters,
                row -> {
                    unitsByLevel.put(row.getString("level"), row.getLong("units"));
                });

        Map<String, long[]> districts = new TreeMap<>();
        jdbc.query("""
                SELECT district, count(*) AS homes, count(*) FILTER (WHERE tier = 'PROVINCIAL_DEMONSTRATION') AS demo
                FROM rm_org_unit WHERE level = 'COMMUNITY_HOME' AND""" + " " + units + " GROUP BY district",
                parameters, row -> {
                    long[] counts = districts.computeIfAbsent(row.getString("district"), key -> new long[6]);
                    counts[0] = row.getLong("homes");
                    counts[1] = row.getLong("demo");
                });
        jdbc.query("""
                SELECT district, count(*) FILTER (WHERE status = 'OPEN') AS open,
                       count(*) FILTER (WHERE status = 'SUSPENDED') AS suspended,
                       count(*) FILTER (WHERE status = 'CLOSED') AS closed,
                       count(*) FILTER (WHERE status <> 'CLOSED' AND current_tier = 'PROVINCIAL_DEMONSTRATION') AS demo
                FROM""" + " " + StationTables.WITH_CURRENT_TIER + " WHERE " + stations + " GROUP BY district",
                parameters, row -> {
                    long[] counts = districts.computeIfAbsent(row.getString("district"), key -> new long[6]);
                    counts[2] = row.getLong("open");
                    counts[3] = row.getLong("suspended");
                    counts[4] = row.getLong("closed");
                    counts[5] = row.getLong("demo");
                });
        List<DistrictNetwork> byDistrict = districts.entrySet().stream()
                .map(entry -> new DistrictNetwork(entry.getKey(), entry.getValue()[0], entry.getValue()[1],
                        entry.getValue()[2], entry.getValue()[3], entry.getValue()[4], entry.getValue()[5]))
                .toList();

        Map<String, Long> activePoints = new LinkedHashMap<>();
        for (StationPoint point : StationPoint.values()) {
            activePoints.put(point.name(), 0L);
        }
        jdbc.query("""
                SELECT point, count(*) AS stations
                FROM rm_station, unnest(string_to_array(active_points, ',')) AS point
                WHERE status = 'OPEN' AND""" + " " + stations + " GROUP BY point", parameters,
                row -> {
                    activePoints.put(row.getString("point"), row.getLong("stations"));
                });

        List<SpecialtyCount> specialties = jdbc.query("""
                SELECT sp.code, max(sp.name) AS name, count(*) AS stations
                FROM rm_station_specialty sp JOIN rm_station s ON s.station_id = sp.station_id
                WHERE s.status <> 'CLOSED' AND (CAST(:district AS VARCHAR) IS NULL OR s.district = :district)
                  AND\s""" + reach.units("s.community_home_id", parameters)
                        + " GROUP BY sp.code ORDER BY stations DESC, sp.code", parameters,
                (row, index) -> new SpecialtyCount(row.getString("code"), row.getString("name"),
                        row.getLong("stations")));
        return new NetworkDashboard(unitsByLevel, byDistrict, activePoints, specialties);
    }
}
