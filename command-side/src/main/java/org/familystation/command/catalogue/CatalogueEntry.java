package org.familystation.command.catalogue;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.familystation.command.common.Rules;
import org.familystation.events.catalogue.CatalogueEntryAdded;
import org.familystation.events.catalogue.CatalogueEntryRetired;
import org.familystation.events.common.CatalogueKind;
import org.familystation.events.common.StationPoint;
import org.familystation.platform.error.DomainException;

import java.time.Clock;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.familystation.command.catalogue.CatalogueRefusals.*;

/** One entry of a catalogue that users extend without a code change (service projects, need categories, specialties). */
@Aggregate
public class CatalogueEntry {

    static final int MAX_NAME = 50;
    static final int MAX_REASON = 1_000;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,59}");

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

    @CommandHandler
    public CatalogueEntry(AddCatalogueEntry command, CatalogueRegistry catalogue, Clock clock) {
        CatalogueKind kind = Rules.oneOf(CatalogueKind.class, command.kind(), CATALOGUE_UNKNOWN, "kind");
        if (command.code() == null || !CODE.matcher(command.code()).matches()) {
            throw DomainException.refuseField(ENTRY_CODE_INVALID, "code", command.code());
        }
        String name = Rules.requiredText(command.name(), MAX_NAME, ENTRY_NAME_INVALID, "name");
        StationPoint point = null;
        if (kind == CatalogueKind.SERVICE_PROJECT) {
            point = Rules.oneOf(StationPoint.class, command.stationPoint(), STATION_POINT_REQUIRED, "stationPoint");
        }
        if (catalogue.find(kind, command.code()).isPresent()) {
            throw DomainException.refuseField(ENTRY_CODE_TAKEN, "code", command.code());
        }
        apply(new CatalogueEntryAdded(kind, command.code(), name, point, clock.instant()));
    }

    @CommandHandler
    void handle(RetireCatalogueEntry command, Clock clock) {
        if (retired) {
            throw DomainException.refuse(ENTRY_ALREADY_RETIRED);
        }
        String reason = Rules.requiredText(command.reason(), MAX_REASON, REASON_REQUIRED, "reason");
        apply(new CatalogueEntryRetired(kind, code, name, reason, clock.instant()));
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
