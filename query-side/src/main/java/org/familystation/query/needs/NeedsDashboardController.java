package org.familystation.query.needs;

import org.familystation.query.common.AnswerCache;
import org.familystation.query.common.Months;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.needs.NeedsDashboard.CategoryNeeds;
import org.familystation.query.needs.NeedsDashboard.DistrictNeeds;
import org.familystation.query.needs.NeedsDashboard.MonthNeeds;
import org.familystation.query.needs.NeedsDashboard.ProjectServices;
import org.familystation.query.reach.Reach;
import org.familystation.query.reach.Reaches;
import org.familystation.query.servicerecord.ServiceStats;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Needs coverage: the needs surveys recorded, and where supply falls short of them. Answered from the counters of
 * the needs read model and of the service-record read model ({@code rm_service_stats}), both kept per district and
 * month, so the two sides are compared over exactly the same district and months. A repeated request is answered
 * from the {@link AnswerCache} while those read models (and the catalogue) are unchanged.
 */
@RestController
public class NeedsDashboardController {

    /** Whose tables the answer reads: the needs counters, rm_service_stats and the catalogue (rm_catalogue_entry). */
    private static final List<String> READ_MODELS = List.of(ProcessingGroups.NEEDS, ProcessingGroups.SERVICE_RECORDS,
            ProcessingGroups.STATIONS, ProcessingGroups.NETWORK);

    private static final String IN_SCOPE = "WHERE (CAST(:district AS VARCHAR) IS NULL OR district = :district) AND "
            + Months.CONDITION;

    private final NamedParameterJdbcTemplate jdbc;
    private final NeedGaps needGaps;
    private final AnswerCache answers;

    private final Reaches reaches;

    public NeedsDashboardController(NamedParameterJdbcTemplate jdbc, NeedGaps needGaps, AnswerCache answers,
                                    Reaches reaches) {
        this.jdbc = jdbc;
        this.needGaps = needGaps;
        this.answers = answers;
        this.reaches = reaches;
    }

    /**
     * @param district only this district's surveys and services
     * @param from     first month counted (yyyy-MM, users' calendar), open when absent
     * @param to       last month counted, included
     */
    @GetMapping("/api/dashboard/needs")
    public NeedsDashboard needs(@RequestParam(required = false) String district,
                                @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
                                @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
        Months months = Months.of(from, to);
        Reach reach = reaches.current();
        return answers.answer(READ_MODELS, Arrays.asList("needs", reach.key(), district, months), () -> {
            MapSqlParameterSource parameters = months.addTo(new MapSqlParameterSource("district", district));
            return compute(tables(reach, parameters), parameters);
        });
    }

    /** The counters in reach: their rows (kept per home or station) of the homes and stations in reach. */
    private static Tables tables(Reach reach, MapSqlParameterSource parameters) {
        return new Tables(
                reach.counters("rm_needs_survey_stats", Reach.CountersKeyedBy.COMMUNITY_HOME, parameters),
                reach.counters("rm_needs_stats", Reach.CountersKeyedBy.COMMUNITY_HOME, parameters),
                ServiceStats.inReach(reach, parameters));
    }

    /** The table expressions the answer reads, each named as its counter table. */
    private record Tables(String surveys, String needs, String services) {
    }

    private NeedsDashboard compute(Tables tables, MapSqlParameterSource parameters) {
        Map<String, long[]> surveysByDistrict = new TreeMap<>();
        jdbc.query("SELECT district, sum(surveys) AS surveys, sum(respondents) AS respondents"
                        + " FROM " + tables.surveys() + " " + IN_SCOPE + " GROUP BY district HAVING sum(surveys) > 0",
                parameters, row -> {
                    surveysByDistrict.put(row.getString("district"),
                            new long[]{row.getLong("surveys"), row.getLong("respondents")});
                });
        Map<String, Map<String, CategoryNeeds>> needsByDistrict = new TreeMap<>();
        jdbc.query("SELECT district, category_code, max(category_name) AS name, sum(needs) AS needs,"
                        + " sum(surveys) AS surveys FROM " + tables.needs() + " " + IN_SCOPE
                        + " GROUP BY district, category_code HAVING sum(needs) > 0 ORDER BY district, category_code",
                parameters, row -> {
                    needsByDistrict.computeIfAbsent(row.getString("district"), key -> new LinkedHashMap<>())
                            .put(row.getString("category_code"), new CategoryNeeds(row.getString("category_code"),
                                    row.getString("name"), row.getLong("needs"), row.getLong("surveys"), null));
                });

        List<DistrictNeeds> byDistrict = surveysByDistrict.entrySet().stream().map(entry -> {
            List<CategoryNeeds> categories = withShares(needsByDistrict
                    .getOrDefault(entry.getKey(), Map.of()).values());
            return new DistrictNeeds(entry.getKey(), entry.getValue()[0], entry.getValue()[1],
                    categories.stream().mapToLong(CategoryNeeds::needs).sum(), categories);
        }).toList();
        Map<String, CategoryNeeds> cityWide = new TreeMap<>();
        needsByDistrict.values().forEach(categories -> categories.values().forEach(category -> cityWide.merge(
                category.code(), category, (a, b) -> new CategoryNeeds(a.code(), a.name(), a.needs() + b.needs(),
                        a.surveys() + b.surveys(), null))));
        List<CategoryNeeds> byCategory = withShares(cityWide.values());

        return new NeedsDashboard(
                byDistrict.stream().mapToLong(DistrictNeeds::surveys).sum(),
                byDistrict.stream().mapToLong(DistrictNeeds::respondents).sum(),
                byCategory.stream().mapToLong(CategoryNeeds::needs).sum(),
                byCategory, byDistrict, byMonth(tables, parameters),
                needGaps.against(byCategory, projects -> services(tables, projects, parameters)));
    }

    private List<MonthNeeds> byMonth(Tables tables, MapSqlParameterSource parameters) {
        Map<String, Long> needs = new TreeMap<>();
        jdbc.query("SELECT month, sum(needs) AS needs FROM " + tables.needs() + " " + IN_SCOPE + " GROUP BY month",
                parameters, row -> {
                    needs.put(row.getString("month"), row.getLong("needs"));
                });
        return jdbc.query("SELECT month, sum(surveys) AS surveys, sum(respondents) AS respondents"
                        + " FROM " + tables.surveys() + " " + IN_SCOPE + " GROUP BY month HAVING sum(surveys) > 0"
                        + " ORDER BY month", parameters,
                (row, index) -> new MonthNeeds(row.getString("month"), row.getLong("surveys"),
                        row.getLong("respondents"), needs.getOrDefault(row.getString("month"), 0L)));
    }

    /** The services and participants of each of the projects in the same district and months as the needs. */
    private Map<String, ProjectServices> services(Tables tables, Set<String> projects,
                                                  MapSqlParameterSource parameters) {
        Map<String, ProjectServices> services = new LinkedHashMap<>();
        jdbc.query("SELECT project_code, max(project_name) AS name, sum(services) AS services,"
                        + " sum(participants) AS participants FROM " + tables.services() + " " + IN_SCOPE
                        + " AND project_code IN (:codes) GROUP BY project_code",
                new MapSqlParameterSource(parameters.getValues()).addValue("codes", projects), row -> {
                    services.put(row.getString("project_code"), new ProjectServices(row.getString("project_code"),
                            row.getString("name"), row.getLong("services"), row.getLong("participants")));
                });
        return services;
    }

    /** The categories, most needed first, each with its share of their needs. */
    private static List<CategoryNeeds> withShares(Collection<CategoryNeeds> categories) {
        long total = categories.stream().mapToLong(CategoryNeeds::needs).sum();
        return categories.stream()
                .map(category -> new CategoryNeeds(category.code(), category.name(), category.needs(),
                        category.surveys(), total == 0 ? null : Math.round(category.needs() * 10_000.0 / total)
                        / 10_000.0))
                .sorted(Comparator.comparingLong(CategoryNeeds::needs).reversed().thenComparing(CategoryNeeds::code))
                .toList();
    }
}
