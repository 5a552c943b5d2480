package org.familystation.query.station;

import org.familystation.events.common.HomeTier;
import org.familystation.events.common.StationPoint;

import java.time.Instant;
import java.util.List;

/** A station as dashboards and lists show it. */
public record StationOverview(
        String stationId,
        String stationName,
        String communityHomeId,
        String communityHomeName,
        String district,
        HomeTier homeTier,
        String homeTierLabel,
        String status,
        List<StationPoint> activePoints,
        Instant openedAt) {
}
