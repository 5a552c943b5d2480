package org.familystation.command.catalogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Add an entry to a catalogue. A service project names the station point it belongs to. The entry's identity is
 * its kind and code, so a code is used once per catalogue, for good.
 */
public record AddCatalogueEntry(String kind, String code, String name, String stationPoint) {

    @TargetAggregateIdentifier
    public String entryId() {
        return CatalogueEntry.id(kind, code);
    }
}
