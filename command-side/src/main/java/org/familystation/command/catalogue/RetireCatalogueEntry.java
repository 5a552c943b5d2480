package org.familystation.command.catalogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retire a catalogue entry: nothing new may use it; what already names it stays readable. */
public record RetireCatalogueEntry(String kind, String code, String reason) {

    @TargetAggregateIdentifier
    public String entryId() {
        return CatalogueEntry.id(kind, code);
    }
}
