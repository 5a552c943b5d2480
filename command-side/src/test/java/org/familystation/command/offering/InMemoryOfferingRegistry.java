package org.familystation.command.offering;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An offering registry for fixture tests. */
public class InMemoryOfferingRegistry implements OfferingRegistry {

    private final Set<List<String>> offered = new HashSet<>();

    public InMemoryOfferingRegistry offering(String memberId, String stationId, String projectCode) {
        offered.add(List.of(memberId, stationId, projectCode));
        return this;
    }

    @Override
    public boolean isOffered(String memberId, String stationId, String projectCode) {
        return offered.contains(List.of(memberId, stationId, projectCode));
    }
}
