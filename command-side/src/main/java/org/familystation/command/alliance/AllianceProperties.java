package org.familystation.command.alliance;

import org.familystation.events.common.Alliance;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The convention versions each alliance has published ({@code familystation.alliance.conventions.<ALLIANCE>}),
 * oldest first; the last one is current and is what admission requires.
 */
@ConfigurationProperties("familystation.alliance")
public class ConventionProperties {

    private Map<Alliance, List<String>> conventions = new EnumMap<>(Map.of(
            Alliance.DOMESTIC_SERVICE, List.of("2014-1"),
            Alliance.PUBLIC_WELFARE, List.of("2014-1")));

    public Map<Alliance, List<String>> getConventions() {
        return conventions;
    }

    public void setConventions(Map<Alliance, List<String>> conventions) {
        this.conventions = conventions;
    }

    public boolean isPublished(Alliance alliance, String version) {
        return conventions.getOrDefault(alliance, List.of()).contains(version);
    }

    public String currentVersion(Alliance alliance) {
        List<String> versions = conventions.getOrDefault(alliance, List.of());
        return versions.isEmpty() ? null : versions.get(versions.size() - 1);
    }
}
