package org.familystation.command.station;

import org.familystation.events.common.StationPoint;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A station registry for fixture tests. */
public class InMemoryStationRegistry implements StationRegistry {

    private final Map<String, StationFacts> stations = new HashMap<>();
    private final Map<String, String> homes = new HashMap<>();

    public InMemoryStationRegistry open(String stationId, String homeId, Set<StationPoint> activePoints) {
        stations.put(stationId, new StationFacts(stationId, "梅园新村家庭驿站", "玄武区", true,
                activePoints.isEmpty() ? EnumSet.noneOf(StationPoint.class) : EnumSet.copyOf(activePoints)));
        homes.put(homeId, stationId);
        return this;
    }

    public InMemoryStationRegistry closed(String stationId) {
        StationFacts open = stations.get(stationId);
        stations.put(stationId, new StationFacts(stationId, open.stationName(), open.district(), false,
                open.activePoints()));
        return this;
    }

    @Override
    public boolean hasStationAtHome(String communityHomeId) {
        return homes.containsKey(communityHomeId);
    }

    @Override
    public Optional<StationFacts> find(String stationId) {
        return Optional.ofNullable(stations.get(stationId));
    }
}
