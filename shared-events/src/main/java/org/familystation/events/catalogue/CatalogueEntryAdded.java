package org.familystation.events.catalogue;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.CatalogueKind;
import org.familystation.events.common.StationPoint;

import java.time.Instant;

/** An entry was added to a catalogue; service projects belong to a station point, other entries have none. */
@Revision("1")
public record CatalogueEntryAdded(
        CatalogueKind kind,
        String code,
        String name,
        StationPoint stationPoint,
        Instant addedAt) implements CatalogueEvent {
}
