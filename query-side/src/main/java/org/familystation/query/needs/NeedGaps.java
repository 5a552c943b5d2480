package org.familystation.query.needs;

import org.familystation.query.needs.NeedsDashboard.CategoryNeeds;
import org.familystation.query.needs.NeedsDashboard.NeedGap;
import org.familystation.query.needs.NeedsDashboard.ProjectServices;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The gap between needs and supply: every need category in use against the services of its matching projects
 * (configuration, {@link NeedsProperties}). Who asks decides where needs and services are counted (the needs
 * dashboard by district and month, evaluations by cohort and day); the comparison itself is this one.
 */
@Component
public class NeedGaps {

    private final NamedParameterJdbcTemplate jdbc;
    private final NeedsProperties properties;

    public NeedGaps(NamedParameterJdbcTemplate jdbc, NeedsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Every category in use (in the catalogue and not retired, or with needs in scope), most needed first.
     *
     * @param needs    the needs in scope, by category
     * @param services for a set of project codes, the services and participants of each in the same scope
     */
    public List<NeedGap> against(List<CategoryNeeds> needs,
                                 Function<Set<String>, Map<String, ProjectServices>> services) {
        Map<String, String> categoryNames = new LinkedHashMap<>();
        needs.forEach(category -> categoryNames.put(category.code(), category.name()));
        jdbc.query("SELECT code, name FROM rm_catalogue_entry WHERE kind = 'NEED_CATEGORY' AND NOT retired"
                + " ORDER BY code", row -> {
                    categoryNames.putIfAbsent(row.getString("code"), row.getString("name"));
                });
        Map<String, List<String>> matching = new LinkedHashMap<>();
        Set<String> projects = new LinkedHashSet<>();
        categoryNames.keySet().forEach(category -> {
            matching.put(category, properties.matchingProjects(category));
            projects.addAll(matching.get(category));
        });

        Map<String, ProjectServices> delivered = new LinkedHashMap<>();
        Map<String, String> projectNames = new LinkedHashMap<>();
        if (!projects.isEmpty()) {
            jdbc.query("SELECT code, name FROM rm_catalogue_entry WHERE kind = 'SERVICE_PROJECT' AND code IN (:codes)",
                    new MapSqlParameterSource("codes", projects), row -> {
                        projectNames.put(row.getString("code"), row.getString("name"));
                    });
            delivered.putAll(services.apply(projects));
        }

        Map<String, Long> needed = new LinkedHashMap<>();
        needs.forEach(category -> needed.put(category.code(), category.needs()));
        List<NeedGap> gap = new ArrayList<>();
        categoryNames.forEach((category, name) -> {
            List<ProjectServices> matched = matching.get(category).stream()
                    .map(code -> delivered.getOrDefault(code, new ProjectServices(code,
                            projectNames.getOrDefault(code, code), 0, 0)))
                    .toList();
            long count = needed.getOrDefault(category, 0L);
            long participants = matched.stream().mapToLong(ProjectServices::participants).sum();
            gap.add(new NeedGap(category, name, count, matched.stream().mapToLong(ProjectServices::services).sum(),
                    participants, Math.max(0, count - participants),
                    count == 0 ? null : Math.round(participants * 100.0 / count) / 100.0, matched));
        });
        gap.sort(Comparator.comparingLong(NeedGap::needs).reversed().thenComparing(NeedGap::categoryCode));
        return gap;
    }
}
