package org.familystation.query.people;

import org.familystation.query.common.AnswerCache;
import org.familystation.query.common.Months;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.people.VolunteerHoursDashboard.ByMonth;
import org.familystation.query.people.VolunteerHoursDashboard.ByStation;
import org.familystation.query.people.VolunteerHoursDashboard.ByVolunteer;
import org.familystation.query.reach.Reach;
import org.familystation.query.reach.Reaches;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Volunteer hours by person, station and month, from the counters kept per volunteer, station and month; a repeated
 * request is answered from the {@link AnswerCache} while they are unchanged.
 */
@RestController
public class VolunteerHoursDashboardController {

    /** Whose tables the answer reads: rm_volunteer_hours_stats, and rm_station for the reach. */
    private static final List<String> READ_MODELS = List.of(ProcessingGroups.PEOPLE, ProcessingGroups.STATIONS);

    static final int TOP_VOLUNTEERS = 100;

    private static final String IN_SCOPE = "WHERE (CAST(:district AS VARCHAR) IS NULL OR district = :district)"
            + " AND (CAST(:station AS VARCHAR) IS NULL OR station_id = :station) AND " + Months.CONDITION;

    private final NamedParameterJdbcTemplate jdbc;
    private final AnswerCache answers;
    private final Reaches reaches;

    public VolunteerHoursDashboardController(NamedParameterJdbcTemplate jdbc, AnswerCache answers,
                                             Reaches reaches) {
        this.jdbc = jdbc;
        this.answers = answers;
        this.reaches = reaches;
    }

    /**
     * @param district  only services in this district
     * @param stationId only services at this station
     * @param from      first month of services counted (yyyy-MM, users' calendar), open when absent
     * @param to        last month counted, included
     */
    @GetMapping("/api/dashboard/volunteer-hours")
    public VolunteerHoursDashboard volunteerHours(
            @RequestParam(required = false) String district,
            @RequestParam(required = false) String stationId,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
        Months months = Months.of(from, to);
        Reach reach = reaches.current();
        return answers.answer(READ_MODELS, Arrays.asList("volunteer-hours", reach.key(), district, stationId, months),
                () -> {
                    MapSqlParameterSource parameters = months.addTo(new MapSqlParameterSource()
                            .addValue("district", district)
                            .addValue("station", stationId));
                    // Hours count where the service was delivered.
                    return compute(IN_SCOPE + " AND " + reach.stations("station_id", parameters), parameters);
                });
    }

    private VolunteerHoursDashboard compute(String inScope, MapSqlParameterSource parameters) {
        Map<String, Object> totals = jdbc.queryForMap("SELECT coalesce(sum(minutes), 0) AS minutes,"
                + " coalesce(sum(services), 0) AS services, count(DISTINCT volunteer_id) AS volunteers"
                + " FROM rm_volunteer_hours_stats " + inScope, parameters);
        long minutes = ((Number) totals.get("minutes")).longValue();
        List<ByVolunteer> byVolunteer = jdbc.query("SELECT volunteer_id, max(volunteer_name) AS name,"
                        + " max(volunteer_number) AS number, sum(minutes) AS minutes, sum(services) AS services"
                        + " FROM rm_volunteer_hours_stats " + inScope
                        + " GROUP BY volunteer_id ORDER BY sum(minutes) DESC, volunteer_id LIMIT " + TOP_VOLUNTEERS,
                parameters, (row, index) -> new ByVolunteer(row.getString("volunteer_id"), row.getString("name"),
                        row.getString("number"), row.getLong("minutes"), Hours.of(row.getLong("minutes")),
                        row.getLong("services")));
        List<ByStation> byStation = jdbc.query("SELECT station_id, max(station_name) AS name,"
                        + " max(district) AS district, sum(minutes) AS minutes, sum(services) AS services,"
                        + " count(DISTINCT volunteer_id) AS volunteers FROM rm_volunteer_hours_stats " + inScope
                        + " GROUP BY station_id ORDER BY sum(minutes) DESC, station_id",
                parameters, (row, index) -> new ByStation(row.getString("station_id"), row.getString("name"),
                        row.getString("district"), row.getLong("minutes"), Hours.of(row.getLong("minutes")),
                        row.getLong("services"), row.getLong("volunteers")));
        List<ByMonth> byMonth = jdbc.query("SELECT month, sum(minutes) AS minutes, sum(services) AS services,"
                        + " count(DISTINCT volunteer_id) AS volunteers FROM rm_volunteer_hours_stats " + inScope
                        + " GROUP BY month ORDER BY month",
                parameters, (row, index) -> new ByMonth(row.getString("month"), row.getLong("minutes"),
                        Hours.of(row.getLong("minutes")), row.getLong("services"), row.getLong("volunteers")));
        return new VolunteerHoursDashboard(minutes, Hours.of(minutes), ((Number) totals.get("services")).longValue(),
                ((Number) totals.get("volunteers")).longValue(), byVolunteer, byStation, byMonth);
    }
}
