package org.familystation.events.station;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The station stopped offering a specialty service, for the reason given. */
@Revision("1")
public record SpecialtyServiceRetired(
        String stationId,
        String specialtyCode,
        String specialtyName,
        String reason,
        Instant retiredAt) implements StationEvent {
}
