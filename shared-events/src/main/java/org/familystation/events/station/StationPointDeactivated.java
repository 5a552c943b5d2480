package org.familystation.events.station;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.StationPoint;

import java.time.Instant;

/** A station point stopped serving at the station, for the reason given. */
@Revision("1")
public record StationPointDeactivated(
        String stationId,
        StationPoint point,
        String reason,
        Instant deactivatedAt) implements StationEvent {
}
