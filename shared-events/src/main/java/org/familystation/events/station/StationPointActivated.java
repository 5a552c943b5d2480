package org.familystation.events.station;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.StationPoint;

import java.time.Instant;

/** A station point (驿站点) was activated at the station. */
@Revision("1")
public record StationPointActivated(
        String stationId,
        StationPoint point,
        String reason,
        Instant activatedAt) implements StationEvent {
}
