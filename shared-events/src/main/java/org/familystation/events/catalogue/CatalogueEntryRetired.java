package org.familystation.events.catalogue;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.CatalogueKind;

import java.time.Instant;

/** An entry was retired: no new use of it, but every record that names it still reads the same. */
@Revision("1")
public record CatalogueEntryRetired(
        CatalogueKind kind,
        String code,
        String name,
        String reason,
        Instant retiredAt) implements CatalogueEvent {
}
