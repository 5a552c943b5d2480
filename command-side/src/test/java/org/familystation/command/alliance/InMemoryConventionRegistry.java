package org.familystation.command.alliance;

import org.familystation.events.common.Alliance;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A convention registry for fixture tests. */
public class InMemoryConventionRegistry implements ConventionRegistry {

    private final Map<Alliance, List<String>> versions = new EnumMap<>(Alliance.class);

    /** Publishes versions, oldest first; the last one is current. */
    public InMemoryConventionRegistry published(Alliance alliance, String... conventionVersions) {
        versions.computeIfAbsent(alliance, any -> new ArrayList<>()).addAll(List.of(conventionVersions));
        return this;
    }

    @Override
    public boolean isPublished(Alliance alliance, String conventionVersion) {
        return versions.getOrDefault(alliance, List.of()).contains(conventionVersion);
    }

    @Override
    public Optional<String> currentVersion(Alliance alliance) {
        List<String> published = versions.getOrDefault(alliance, List.of());
        return published.isEmpty() ? Optional.empty() : Optional.of(published.get(published.size() - 1));
    }
}
