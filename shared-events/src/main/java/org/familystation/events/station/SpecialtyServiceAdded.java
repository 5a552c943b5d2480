package org.familystation.events.station;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The station added a specialty service (特色服务, the X of 5+2+X) from the catalogue; the name is the one at the time. */
@Revision("1")
public record SpecialtyServiceAdded(
        String stationId,
        String specialtyCode,
        String specialtyName,
        Instant addedAt) implements StationEvent {
}
