package org.familystation.query.evaluation;

import org.familystation.events.common.Alliance;
import org.familystation.events.common.FundingSource;
import org.familystation.events.common.StationPoint;
import org.familystation.query.common.Period;
import org.familystation.query.common.QueryProperties;
import org.familystation.query.common.Sql;
import org.familystation.query.dashboard.DashboardQueryController;
import org.familystation.query.dashboard.DashboardSummary.ServiceCount;
import org.familystation.query.funding.FundingMixQueryController;
import org.familystation.query.funding.FundingMix.SourceShare;
import org.familystation.query.evaluation.EvaluationFigures.AllianceFigures;
import org.familystation.query.evaluation.EvaluationFigures.AllianceGrowth;
import org.familystation.query.evaluation.EvaluationFigures.Funding;
import org.familystation.query.evaluation.EvaluationFigures.Needs;
import org.familystation.query.evaluation.EvaluationFigures.Referrals;
import org.familystation.query.evaluation.EvaluationFigures.Services;
import org.familystation.query.evaluation.EvaluationFigures.Stations;
import org.familystation.query.evaluation.EvaluationFigures.VolunteerTime;
import org.familystation.query.needs.NeedGaps;
import org.familystation.query.needs.NeedsDashboard.CategoryNeeds;
import org.familystation.query.needs.NeedsDashboard.ProjectServices;
import org.familystation.query.people.Hours;
import org.familystation.query.referral.ReferralDashboard;
import org.familystation.query.referral.ReferralDashboardController;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures of one cohort in one period. The dashboards' counters are kept per district and month; an evaluation
 * counts by day and by station (the pilot is not a district), so it reads the row tables the same projections keep
 * beside those counters (services, referrals, volunteer hours, funds, surveys), with the dashboards' definitions:
 * voided records never count, corrections do, released money counts as never allocated. Every figure depends on
 * the tables' contents alone, never on the clock.
 */
@Component
class EvaluationQueries {

    private static final String IN_PERIOD = " >= :start AND %s < :end";

    private final NamedParameterJdbcTemplate jdbc;
    private final QueryProperties properties;
    private final NeedGaps needGaps;

    EvaluationQueries(NamedParameterJdbcTemplate jdbc, QueryProperties properties, NeedGaps needGaps) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.needGaps = needGaps;
    }

    EvaluationFigures figures(CohortScope scope, EvaluationPeriod period) {
        Period instants = period.instants(properties.getTimeZone());
        MapSqlParameterSource parameters = scope.addTo(new MapSqlParameterSource()
                .addValue("start", Sql.timestamp(instants.start()))
                .addValue("end", Sql.timestamp(instants.end()))
                .addValue("fromDay", Date.valueOf(period.from()))
                .addValue("toDay", Date.valueOf(period.to())));
        ServiceScan services = services(scope, parameters);
        return new EvaluationFigures(stations(scope, parameters, services.activeStations()), services.services(),
                needs(scope, parameters, services.services().byProject()), referrals(scope, parameters),
                volunteerTime(scope, parameters), allianceGrowth(parameters), funding(scope, parameters));
    }

    private static String inPeriod(String column) {
        return column + IN_PERIOD.formatted(column);
    }

    private Stations stations(CohortScope scope, MapSqlParameterSource parameters, long active) {
        Map<String, Object> stations = jdbc.queryForMap("SELECT count(*) FILTER (WHERE opened_at < :end) AS cohort,"
                + " count(*) FILTER (WHERE " + inPeriod("opened_at") + ") AS opened FROM rm_station WHERE "
                + scope.stations("station_id"), parameters);
        return new Stations(number(stations.get("cohort")), number(stations.get("opened")), active);
    }

    /** The period's services, with how many stations delivered them. */
    private record ServiceScan(Services services, long activeStations) {
    }

    /**
     * Services that stand in the period, in total, by station point, by project and by station, in one pass over
     * the period's rows (grouping sets; {@code grouping} tells the four apart: 7 total, 3 point, 5 project,
     * 6 station).
     */
    private ServiceScan services(CohortScope scope, MapSqlParameterSource parameters) {
        Map<String, Object> totals = new LinkedHashMap<>();
        List<ServiceCount> byPoint = new ArrayList<>();
        List<ServiceCount> byProject = new ArrayList<>();
        long[] active = new long[1];
        jdbc.query("""
                SELECT GROUPING(station_point, project_code, station_id) AS grouping,
                       station_point, project_code, max(project_name) AS project_name,
                       count(*) AS services, coalesce(sum(participant_count), 0) AS participants,
                       count(satisfaction) AS rated, coalesce(sum(satisfaction), 0) AS rating_sum,
                       count(*) FILTER (WHERE satisfaction = 1) AS s1, count(*) FILTER (WHERE satisfaction = 2) AS s2,
                       count(*) FILTER (WHERE satisfaction = 3) AS s3, count(*) FILTER (WHERE satisfaction = 4) AS s4,
                       count(*) FILTER (WHERE satisfaction = 5) AS s5
                FROM rm_service_record WHERE NOT voided AND\s""" + inPeriod("delivered_at") + " AND "
                        + scope.stations("station_id") + """
                 GROUP BY GROUPING SETS ((), (station_point), (project_code), (station_id))
                ORDER BY grouping, station_point, project_code""", parameters, row -> {
                    switch (row.getInt("grouping")) {
                        case 7 -> {
                            for (String column : List.of("services", "participants", "rated", "rating_sum", "s1",
                                    "s2", "s3", "s4", "s5")) {
                                totals.put(column, row.getLong(column));
                            }
                        }
                        case 3 -> byPoint.add(serviceCount(row, row.getString("station_point"),
                                StationPoint.valueOf(row.getString("station_point")).label()));
                        case 5 -> byProject.add(serviceCount(row, row.getString("project_code"),
                                row.getString("project_name")));
                        default -> active[0]++;
                    }
                });
        long services = number(totals.get("services"));
        long rated = number(totals.get("rated"));
        List<Long> distribution = List.of(number(totals.get("s1")), number(totals.get("s2")),
                number(totals.get("s3")), number(totals.get("s4")), number(totals.get("s5")));
        return new ServiceScan(new Services(services, number(totals.get("participants")),
                DashboardQueryController.average(number(totals.get("rating_sum")), rated), rated, services - rated,
                distribution, byPoint, byProject), active[0]);
    }

    private static ServiceCount serviceCount(ResultSet row, String key, String label) throws SQLException {
        return new ServiceCount(key, label, row.getLong("services"), row.getLong("participants"),
                DashboardQueryController.average(row.getLong("rating_sum"), row.getLong("rated")));
    }

    private Needs needs(CohortScope scope, MapSqlParameterSource parameters, List<ServiceCount> byProject) {
        String standing = " WHERE NOT s.voided AND s.surveyed_on BETWEEN :fromDay AND :toDay AND "
                + scope.homes("s.community_home_id");
        Map<String, Object> totals = jdbc.queryForMap("SELECT count(*) AS surveys,"
                + " coalesce(sum(s.respondent_count), 0) AS respondents FROM rm_needs_survey s" + standing, parameters);
        List<CategoryNeeds> byCategory = jdbc.query("SELECT n.category_code, max(n.category_name) AS name,"
                        + " sum(n.need_count) AS needs, count(*) AS surveys FROM rm_needs_survey_need n"
                        + " JOIN rm_needs_survey s ON s.survey_id = n.survey_id" + standing
                        + " GROUP BY n.category_code"
                        + " ORDER BY n.category_code", parameters,
                (row, index) -> new CategoryNeeds(row.getString("category_code"), row.getString("name"),
                        row.getLong("needs"), row.getLong("surveys"), null));
        return new Needs(number(totals.get("surveys")), number(totals.get("respondents")),
                byCategory.stream().mapToLong(CategoryNeeds::needs).sum(),
                needGaps.against(byCategory, projects -> projectServices(byProject, projects)));
    }

    /** The services of the projects asked for, from the period's services by project. */
    private static Map<String, ProjectServices> projectServices(List<ServiceCount> byProject, Set<String> projects) {
        Map<String, ProjectServices> services = new LinkedHashMap<>();
        byProject.stream().filter(project -> projects.contains(project.key())).forEach(project -> services.put(
                project.key(), new ProjectServices(project.key(), project.label(), project.services(),
                        project.participants())));
        return services;
    }

    private Referrals referrals(CohortScope scope, MapSqlParameterSource parameters) {
        return jdbc.queryForObject("""
                SELECT count(*) AS referred,
                       count(*) FILTER (WHERE accepted_at < :end) AS accepted,
                       count(*) FILTER (WHERE declined_at < :end) AS declined,
                       count(*) FILTER (WHERE withdrawn_at < :end) AS withdrawn,
                       count(*) FILTER (WHERE resolved_at < :end) AS resolved,
                       count(*) FILTER (WHERE closed_at < :end) AS closed,
                       EXTRACT(EPOCH FROM avg(accepted_at - referred_at) FILTER (WHERE accepted_at < :end)) / 3600
                           AS accept_average,
                       EXTRACT(EPOCH FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY accepted_at - referred_at)
                           FILTER (WHERE accepted_at < :end)) / 3600 AS accept_median,
                       EXTRACT(EPOCH FROM avg(resolved_at - referred_at) FILTER (WHERE resolved_at < :end)) / 3600
                           AS resolve_average,
                       EXTRACT(EPOCH FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY resolved_at - referred_at)
                           FILTER (WHERE resolved_at < :end)) / 3600 AS resolve_median
                FROM rm_referral WHERE\s""" + inPeriod("referred_at") + " AND " + scope.stations("station_id"),
                parameters, (row, index) -> {
                    long referred = row.getLong("referred");
                    long closed = row.getLong("closed");
                    return new Referrals(referred, row.getLong("accepted"), row.getLong("declined"),
                            row.getLong("withdrawn"), row.getLong("resolved"), closed,
                            referred == 0 ? null : Math.round(closed * 1000.0 / referred) / 1000.0,
                            new ReferralDashboard.Hours(row.getLong("accepted"), ReferralDashboardController.hours(row, "accept_average"),
                                    ReferralDashboardController.hours(row, "accept_median")),
                            new ReferralDashboard.Hours(row.getLong("resolved"), ReferralDashboardController.hours(row, "resolve_average"),
                                    ReferralDashboardController.hours(row, "resolve_median")));
                });
    }

    private VolunteerTime volunteerTime(CohortScope scope, MapSqlParameterSource parameters) {
        Map<String, Object> time = jdbc.queryForMap("SELECT coalesce(sum(minutes), 0) AS minutes,"
                + " count(DISTINCT service_record_id) AS services, count(DISTINCT volunteer_id) AS volunteers"
                + " FROM rm_volunteer_hours WHERE NOT voided AND " + inPeriod("delivered_at") + " AND "
                + scope.stations("station_id"), parameters);
        long minutes = number(time.get("minutes"));
        return new VolunteerTime(minutes, Hours.of(minutes), number(time.get("services")),
                number(time.get("volunteers")));
    }

    private AllianceGrowth allianceGrowth(MapSqlParameterSource parameters) {
        Map<Alliance, AllianceFigures> byAlliance = new EnumMap<>(Alliance.class);
        Arrays.stream(Alliance.values()).forEach(alliance -> byAlliance.put(alliance,
                new AllianceFigures(alliance.name(), alliance.label(), 0, 0, 0, 0, 0, 0)));
        jdbc.query("SELECT alliance,"
                + " count(*) FILTER (WHERE " + inPeriod("applied_at") + ") AS applications,"
                + " count(*) FILTER (WHERE " + inPeriod("admitted_at") + ") AS admissions,"
                + " count(*) FILTER (WHERE " + inPeriod("suspended_at") + ") AS suspensions,"
                + " count(*) FILTER (WHERE " + inPeriod("expelled_at") + ") AS expulsions,"
                + " count(*) FILTER (WHERE " + inPeriod("withdrawn_at") + ") AS withdrawals,"
                + " count(*) FILTER (WHERE admitted_at < :end AND (coalesce(expelled_at, withdrawn_at) IS NULL"
                + "     OR coalesce(expelled_at, withdrawn_at) >= :end)) AS members"
                + " FROM rm_alliance_member GROUP BY alliance", parameters, row -> {
                    Alliance alliance = Alliance.valueOf(row.getString("alliance"));
                    byAlliance.put(alliance, new AllianceFigures(alliance.name(), alliance.label(),
                            row.getLong("applications"), row.getLong("admissions"), row.getLong("suspensions"),
                            row.getLong("expulsions"), row.getLong("withdrawals"), row.getLong("members")));
                });
        List<AllianceFigures> alliances = new ArrayList<>(byAlliance.values());
        return new AllianceGrowth(
                alliances.stream().mapToLong(AllianceFigures::applications).sum(),
                alliances.stream().mapToLong(AllianceFigures::admissions).sum(),
                alliances.stream().mapToLong(AllianceFigures::suspensions).sum(),
                alliances.stream().mapToLong(AllianceFigures::expulsions).sum(),
                alliances.stream().mapToLong(AllianceFigures::withdrawals).sum(),
                alliances.stream().mapToLong(AllianceFigures::membersAtEnd).sum(),
                alliances);
    }

    private Funding funding(CohortScope scope, MapSqlParameterSource parameters) {
        Map<FundingSource, long[]> sums = new EnumMap<>(FundingSource.class);
        Arrays.stream(FundingSource.values()).forEach(source -> sums.put(source, new long[3]));
        if (scope.network()) {
            jdbc.query("SELECT source, sum(received_fen) AS fen FROM rm_fund WHERE " + inPeriod("received_at")
                    + " GROUP BY source", parameters, row -> {
                        sums.get(FundingSource.valueOf(row.getString("source")))[0] = row.getLong("fen");
                    });
        }
        jdbc.query("SELECT source, sum(allocated_fen) AS fen FROM rm_fund_allocation WHERE "
                + inPeriod("allocated_at") + " AND " + scope.stations("station_id") + " GROUP BY source",
                parameters, row -> {
                    sums.get(FundingSource.valueOf(row.getString("source")))[1] = row.getLong("fen");
                });
        jdbc.query("SELECT a.source, sum(e.amount_fen) AS fen FROM rm_fund_expenditure e"
                + " JOIN rm_fund_allocation a ON a.fund_id = e.fund_id AND a.allocation_id = e.allocation_id"
                + " WHERE " + inPeriod("e.spent_at") + " AND " + scope.stations("a.station_id")
                + " GROUP BY a.source", parameters, row -> {
                    sums.get(FundingSource.valueOf(row.getString("source")))[2] = row.getLong("fen");
                });
        long received = sums.values().stream().mapToLong(sum -> sum[0]).sum();
        long allocated = sums.values().stream().mapToLong(sum -> sum[1]).sum();
        long spent = sums.values().stream().mapToLong(sum -> sum[2]).sum();
        boolean network = scope.network();
        List<SourceShare> bySource = sums.entrySet().stream().map(entry -> {
            long[] sum = entry.getValue();
            return new SourceShare(entry.getKey(), entry.getKey().label(), network ? sum[0] : null,
                    network ? FundingMixQueryController.basisPoints(sum[0], received) : null,
                    sum[1], FundingMixQueryController.basisPoints(sum[1], allocated),
                    sum[2], FundingMixQueryController.basisPoints(sum[2], spent));
        }).toList();
        return new Funding(network ? received : null, allocated, spent, bySource);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
