package org.familystation.command.station;

import org.familystation.command.station.StationTimeline.Change;
import org.familystation.command.station.StationTimeline.Kind;
import org.familystation.events.common.StationPoint;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A station registry for fixture tests. */
public class InMemoryStationRegistry implements StationRegistry {

    /** When the stations of these tests opened, unless a test gives them another timeline. */
    public static final Instant OPENED_AT = Instant.parse("2014-06-01T00:00:00Z");
    /** When {@link #closed} stations closed: before the fixture's services are delivered. */
    public static final Instant CLOSED_AT = Instant.parse("2026-11-01T00:00:00Z");

    private final Map<String, StationFacts> stations = new HashMap<>();
    private final Map<String, String> homes = new HashMap<>();

    public InMemoryStationRegistry open(String stationId, String homeId, Set<StationPoint> activePoints) {
        Set<StationPoint> points = activePoints.isEmpty() ? EnumSet.noneOf(StationPoint.class)
                : EnumSet.copyOf(activePoints);
        stations.put(stationId, new StationFacts(stationId, "梅园新村家庭驿站", "玄武区", true, points,
                StationTimeline.openedAt(OPENED_AT, points)));
        homes.put(homeId, stationId);
        return this;
    }

    public InMemoryStationRegistry closed(String stationId) {
        StationFacts open = stations.get(stationId);
        stations.put(stationId, new StationFacts(stationId, open.stationName(), open.district(), false,
                open.activePoints(), open.timeline().with(new Change(CLOSED_AT, Kind.CLOSED, Set.of()))));
        return this;
    }

    /** Replaces the station's dated history (its current state stays as it is). */
    public InMemoryStationRegistry timeline(String stationId, StationTimeline timeline) {
        StationFacts known = stations.get(stationId);
        stations.put(stationId, new StationFacts(stationId, known.stationName(), known.district(), known.open(),
                known.activePoints(), timeline));
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
