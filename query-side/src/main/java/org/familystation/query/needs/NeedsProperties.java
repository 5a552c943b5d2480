package org.familystation.query.needs;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which service projects answer which need category ({@code familystation.needs.matching-projects.<CATEGORY>},
 * project codes separated by commas): the needs-versus-services dashboard compares the needs recorded in a
 * category with the services delivered in its projects. A category configured with no projects, or added to the
 * catalogue and not configured, is compared with nothing.
 */
@ConfigurationProperties("familystation.needs")
public class NeedsProperties {

    /** For the eight default need categories (DOMAIN.md §5). */
    static final Map<String, List<String>> DEFAULT_MATCHING_PROJECTS = Map.of(
            "HOUSEKEEPING", List.of("HOUSEKEEPING"),
            "EMPTY_NEST_ELDERLY", List.of("EMPTY_NEST_ELDERLY_CARE"),
            "FAMILY_EDUCATION", List.of("FAMILY_EDUCATION", "EARLY_EDUCATION"),
            "MARRIAGE_FAMILY_RIGHTS", List.of("WOMEN_RIGHTS", "LEGAL_AID", "PSYCHOLOGICAL_COUNSELLING", "MATCHMAKING"),
            "EMPLOYMENT_RIGHTS", List.of("WOMEN_EMPLOYMENT", "LEGAL_AID"),
            "ENTREPRENEURSHIP_SUPPORT", List.of("WOMEN_EMPLOYMENT", "SOCIAL_ORGANISATION_INCUBATION"),
            "SELF_IMPROVEMENT", List.of("SKILLS_TRAINING", "CULTURE_SPORTS"),
            "DEMOCRATIC_PARTICIPATION", List.of("SOCIAL_ORGANISATION_INCUBATION"));

    /** What is configured; categories not named here keep their default. */
    private Map<String, List<String>> matchingProjects = new HashMap<>();

    public Map<String, List<String>> getMatchingProjects() {
        return matchingProjects;
    }

    public void setMatchingProjects(Map<String, List<String>> matchingProjects) {
        this.matchingProjects = matchingProjects;
    }

    /**
     * The project codes matching a need category. Keys are compared by their letters and digits, ignoring case:
     * Spring drops the underscores of a key not written in brackets, and environment variables arrive in lower case
     * with dots for underscores.
     */
    public List<String> matchingProjects(String categoryCode) {
        for (Map.Entry<String, List<String>> configured : matchingProjects.entrySet()) {
            if (lettersAndDigits(configured.getKey()).equals(lettersAndDigits(categoryCode))) {
                return configured.getValue().stream().map(String::strip).filter(code -> !code.isEmpty())
                        .map(code -> code.toUpperCase(Locale.ROOT)).toList();
            }
        }
        return DEFAULT_MATCHING_PROJECTS.getOrDefault(categoryCode, List.of());
    }

    private static String lettersAndDigits(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }
}
