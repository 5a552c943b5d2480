package org.familystation.query.needs;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The matching projects as configured, in each form Spring accepts, over the defaults. */
class NeedsPropertiesTest {

    private static NeedsProperties bound(Iterable<ConfigurationPropertySource> sources) {
        return new Binder(sources).bindOrCreate("familystation.needs", Bindable.of(NeedsProperties.class));
    }

    private static NeedsProperties bound(Map<String, String> properties) {
        return bound(List.of(new MapConfigurationPropertySource(properties)));
    }

    @Test
    void theDefaultsCoverTheEightDefaultCategories() {
        NeedsProperties defaults = bound(Map.of());
        assertThat(defaults.matchingProjects("FAMILY_EDUCATION")).containsExactly("FAMILY_EDUCATION", "EARLY_EDUCATION");
        assertThat(defaults.matchingProjects("EMPTY_NEST_ELDERLY")).containsExactly("EMPTY_NEST_ELDERLY_CARE");
        assertThat(defaults.matchingProjects("RURAL_E_COMMERCE")).isEmpty();
    }

    @Test
    void aConfiguredCategoryReplacesItsDefaultAndKeepsTheOthers() {
        NeedsProperties properties = bound(Map.of(
                "familystation.needs.matching-projects.EMPTY_NEST_ELDERLY", "EMPTY_NEST_ELDERLY_CARE, DELIVERY",
                "familystation.needs.matching-projects[RURAL_E_COMMERCE]", "SKILLS_TRAINING",
                "familystation.needs.matching-projects.HOUSEKEEPING", ""));
        assertThat(properties.matchingProjects("EMPTY_NEST_ELDERLY")).containsExactly("EMPTY_NEST_ELDERLY_CARE",
                "DELIVERY");
        assertThat(properties.matchingProjects("RURAL_E_COMMERCE")).containsExactly("SKILLS_TRAINING");
        assertThat(properties.matchingProjects("HOUSEKEEPING")).isEmpty();
        assertThat(properties.matchingProjects("FAMILY_EDUCATION")).containsExactly("FAMILY_EDUCATION",
                "EARLY_EDUCATION");
    }

    @Test
    void anEnvironmentVariableConfiguresACategory() {
        SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("FAMILYSTATION_NEEDS_MATCHINGPROJECTS_EMPTY_NEST_ELDERLY", "DELIVERY"));
        NeedsProperties properties = bound(ConfigurationPropertySources.from(environment));
        assertThat(properties.matchingProjects("EMPTY_NEST_ELDERLY")).containsExactly("DELIVERY");
    }
}
