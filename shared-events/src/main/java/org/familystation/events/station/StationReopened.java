package org.familystation.events.station;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A suspended station serves again. */
@Revision("1")
public record StationReopened(String stationId, String reason, Instant reopenedAt) implements StationEvent {
}
