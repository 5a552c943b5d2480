package org.familystation.command.station;

import org.familystation.events.common.StationPoint;

import java.util.Optional;
import java.util.Set;

/** What the command side knows about stations when deciding about other aggregates. */
public interface StationRegistry {

    boolean hasStationAtHome(String communityHomeId);

    Optional<StationFacts> find(String stationId);

    /**
     * A station as commands about services need it: {@code open} and {@code activePoints} as it stands now, the
     * timeline for what it was at a business date.
     */
    record StationFacts(String stationId, String stationName, String district, boolean open,
                        Set<StationPoint> activePoints, StationTimeline timeline) {
    }
}
