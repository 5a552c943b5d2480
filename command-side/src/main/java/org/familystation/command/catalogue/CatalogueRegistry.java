package org.familystation.command.catalogue;

import org.familystation.events.common.CatalogueKind;
import org.familystation.events.common.StationPoint;

import java.util.Optional;

/** What the command side knows about catalogue entries when deciding about other aggregates. */
public interface CatalogueRegistry {

    /** The entry, retired or not. */
    Optional<Entry> find(CatalogueKind kind, String code);

    record Entry(CatalogueKind kind, String code, String name, StationPoint stationPoint, boolean retired) {
    }
}
