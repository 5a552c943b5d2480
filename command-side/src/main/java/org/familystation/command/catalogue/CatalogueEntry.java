package org.familystation.command.catalogue;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.familystation.events.catalogue.CatalogueEntryAdded;
import org.familystation.events.catalogue.CatalogueEntryRetired;
import org.familystation.events.common.CatalogueKind;
import org.familystation.platform.error.DomainException;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.familystation.command.catalogue.CatalogueRefusals.*;

/** One entry of a catalogue that users extend without a code change (service projects, need categories, specialties). */
@Aggregate
public class CatalogueEntry {

    @AggregateIdentifier
    private String entryId;
    private CatalogueKind kind;
    private String code;
    private String name;
    private boolean retired;

    protected CatalogueEntry() {
        // for Axon
    }

    /** The entry's aggregate id: its catalogue and code. */
    static String id(String kind, String code) {
        return "catalogue:" + kind + ":" + code;
    }

    /** Read at the edge ({@link AddCatalogueEntry#read}); what is left is whether the code was ever used. */
    @CommandHandler
    public CatalogueEntry(AddCatalogueEntry command, CatalogueRegistry catalogue, Clock clock) {
        if (catalogue.find(command.kind(), command.code()).isPresent()) {
            throw DomainException.refuseField(ENTRY_CODE_TAKEN, "code", command.code());
        }
        apply(new CatalogueEntryAdded(command.kind(), command.code(), command.name(), command.stationPoint(),
                clock.instant()));
    }

    @CommandHandler
    void handle(RetireCatalogueEntry command, Clock clock) {
        if (retired) {
            throw DomainException.refuse(ENTRY_ALREADY_RETIRED);
        }
        apply(new CatalogueEntryRetired(kind, code, name, command.reason().text(), clock.instant()));
    }

    @EventSourcingHandler
    void on(CatalogueEntryAdded event) {
        entryId = id(event.kind().name(), event.code());
        kind = event.kind();
        code = event.code();
        name = event.name();
    }

    @EventSourcingHandler
    void on(CatalogueEntryRetired event) {
        retired = true;
    }
}
