package org.familystation.command.catalogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/**
 * Add an entry to a catalogue. A service project names the station point it belongs to. The entry's identity is
 * its kind and code, so a code is used once per catalogue, for good.
 */
public record AddCatalogueEntry(String kind, String code, String name, String stationPoint) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return Place.network();
    }


    @TargetAggregateIdentifier
    public String entryId() {
        return CatalogueEntry.id(kind, code);
    }
}
