package org.familystation.events.station;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The station stopped serving for a while, for the reason given. */
@Revision("1")
public record StationSuspended(String stationId, String reason, Instant suspendedAt) implements StationEvent {
}
