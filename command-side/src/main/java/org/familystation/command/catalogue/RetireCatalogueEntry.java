package org.familystation.command.catalogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/** Retire a catalogue entry: nothing new may use it; what already names it stays readable. */
public record RetireCatalogueEntry(String kind, String code, String reason) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return Place.network();
    }


    @TargetAggregateIdentifier
    public String entryId() {
        return CatalogueEntry.id(kind, code);
    }
}
