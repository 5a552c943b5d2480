package org.familystation.events.station;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.HomeTier;
import org.familystation.events.common.StationPoint;

import java.time.Instant;
import java.util.List;

/** A Family Station was opened at a community home, with its station points active. */
@Revision("1")
public record StationOpened(
        String stationId,
        String communityHomeId,
        String communityHomeName,
        String stationName,
        String district,
        HomeTier homeTier,
        List<StationPoint> activePoints,
        Instant openedAt) implements StationEvent {
}
