package org.familystation.command.catalogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.Reason;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.util.Objects;

/**
 * Retire a catalogue entry: nothing new may use it; what already names it stays readable.
 *
 * @param kind as sent, with the code naming the entry (an entry of no known catalogue is not found)
 */
public record RetireCatalogueEntry(String kind, String code, Reason reason) implements ScopedCommand {

    public RetireCatalogueEntry {
        Objects.requireNonNull(reason, "reason");
    }

    /** The command from what a client sent. */
    public static RetireCatalogueEntry read(String kind, String code, String reason) {
        return new RetireCatalogueEntry(kind, code, new Reason(reason));
    }

    @Override
    public Place actsAt() {
        return Place.network();
    }

    @TargetAggregateIdentifier
    public String entryId() {
        return CatalogueEntry.id(kind, code);
    }
}
