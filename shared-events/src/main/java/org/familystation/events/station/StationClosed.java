package org.familystation.events.station;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The station closed for good, for the reason given. */
@Revision("1")
public record StationClosed(String stationId, String reason, Instant closedAt) implements StationEvent {
}
