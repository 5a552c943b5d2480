package org.familystation.command.station;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.familystation.command.catalogue.CatalogueRegistry;
import org.familystation.command.network.UnitRegistry;
import org.familystation.command.network.UnitRegistry.UnitFacts;
import org.familystation.command.snapshot.SnapshotConfiguration;
import org.familystation.events.common.CatalogueKind;
import org.familystation.events.common.StationPoint;
import org.familystation.events.common.UnitLevel;
import org.familystation.events.station.SpecialtyServiceAdded;
import org.familystation.events.station.SpecialtyServiceRetired;
import org.familystation.events.station.StationClosed;
import org.familystation.events.station.StationOpened;
import org.familystation.events.station.StationPointActivated;
import org.familystation.events.station.StationPointDeactivated;
import org.familystation.events.station.StationReopened;
import org.familystation.events.station.StationSuspended;
import org.familystation.platform.error.DomainException;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.familystation.command.station.StationRefusals.*;

/**
 * A Family Station (家庭驿站), "5+2+X": opened at a community home with its five station points, which can stop and
 * resume serving, plus the specialty services it adds; it can be suspended, reopened and closed. Each of these
 * happens at a business time the user may give (docs/design/business-dates.md); the station accepts its opening,
 * status and point changes only in the order they happened, so its history reads forwards in time.
 */
@Aggregate(snapshotTriggerDefinition = SnapshotConfiguration.TRIGGER)
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Station {

    @AggregateIdentifier
    private String stationId;
    private StationStatus status;
    private Set<StationPoint> activePoints;
    private Map<String, String> specialties;
    /** Business time of the opening, and of the latest status or point change. */
    private Instant openedAt;
    private Instant lastChangeAt;

    protected Station() {
        // for Axon
    }

    /** Read at the edge ({@link OpenStation#read}); what is left is the home and whether it has a station. */
    @CommandHandler
    public Station(OpenStation command, StationRegistry stations, UnitRegistry units) {
        String homeId = command.communityHomeId();
        UnitFacts home = units.find(homeId).filter(unit -> unit.level() == UnitLevel.COMMUNITY_HOME)
                .orElseThrow(() -> DomainException.refuseField(COMMUNITY_HOME_UNKNOWN, "communityHomeId", homeId));
        if (stations.hasStationAtHome(homeId)) {
            throw DomainException.refuse(STATION_ALREADY_OPEN_AT_HOME, home.name());
        }
        apply(new StationOpened(command.stationId(), homeId, home.name(), command.stationName(), home.district(),
                home.tier(), List.of(StationPoint.values()), command.openedAt()));
    }

    @CommandHandler
    void handle(ActivateStationPoint command) {
        refuseIfClosed();
        StationPoint point = command.point();
        if (activePoints.contains(point)) {
            throw DomainException.refuseField(STATION_POINT_ALREADY_ACTIVE, "point", point.label());
        }
        apply(new StationPointActivated(stationId, point, command.reason().text(),
                inOrder(command.effectiveAt())));
    }

    @CommandHandler
    void handle(DeactivateStationPoint command) {
        refuseIfClosed();
        StationPoint point = command.point();
        if (!activePoints.contains(point)) {
            throw DomainException.refuseField(STATION_POINT_ALREADY_INACTIVE, "point", point.label());
        }
        apply(new StationPointDeactivated(stationId, point, command.reason().text(),
                inOrder(command.effectiveAt())));
    }

    @CommandHandler
    void handle(AddSpecialtyService command, CatalogueRegistry catalogue) {
        refuseIfClosed();
        String code = command.specialtyCode();
        CatalogueRegistry.Entry entry = catalogue.find(CatalogueKind.SPECIALTY_SERVICE, code == null ? "" : code)
                .filter(found -> !found.retired())
                .orElseThrow(() -> DomainException.refuseField(SPECIALTY_UNKNOWN, "specialtyCode", code));
        if (specialties.containsKey(entry.code())) {
            throw DomainException.refuseField(SPECIALTY_ALREADY_OFFERED, "specialtyCode", entry.name());
        }
        apply(new SpecialtyServiceAdded(stationId, entry.code(), entry.name(),
                afterOpening(command.effectiveAt())));
    }

    @CommandHandler
    void handle(RetireSpecialtyService command) {
        refuseIfClosed();
        String name = specialties.get(command.specialtyCode());
        if (name == null) {
            throw DomainException.refuseField(SPECIALTY_NOT_OFFERED, "specialtyCode", command.specialtyCode());
        }
        apply(new SpecialtyServiceRetired(stationId, command.specialtyCode(), name, command.reason().text(),
                afterOpening(command.effectiveAt())));
    }

    @CommandHandler
    void handle(SuspendStation command) {
        refuseIfClosed();
        if (status != StationStatus.OPEN) {
            throw DomainException.refuse(STATION_NOT_OPEN, status);
        }
        apply(new StationSuspended(stationId, command.reason().text(), inOrder(command.effectiveAt())));
    }

    @CommandHandler
    void handle(ReopenStation command) {
        refuseIfClosed();
        if (status != StationStatus.SUSPENDED) {
            throw DomainException.refuse(STATION_NOT_SUSPENDED, status);
        }
        apply(new StationReopened(stationId, command.reason().text(), inOrder(command.effectiveAt())));
    }

    @CommandHandler
    void handle(CloseStation command) {
        refuseIfClosed();
        apply(new StationClosed(stationId, command.reason().text(), inOrder(command.effectiveAt())));
    }

    @EventSourcingHandler
    void on(StationOpened event) {
        stationId = event.stationId();
        status = StationStatus.OPEN;
        activePoints = event.activePoints().isEmpty()
                ? EnumSet.noneOf(StationPoint.class) : EnumSet.copyOf(event.activePoints());
        specialties = new HashMap<>();
        openedAt = event.openedAt();
        lastChangeAt = event.openedAt();
    }

    @EventSourcingHandler
    void on(StationPointActivated event) {
        activePoints.add(event.point());
        lastChangeAt = event.activatedAt();
    }

    @EventSourcingHandler
    void on(StationPointDeactivated event) {
        activePoints.remove(event.point());
        lastChangeAt = event.deactivatedAt();
    }

    @EventSourcingHandler
    void on(SpecialtyServiceAdded event) {
        specialties.put(event.specialtyCode(), event.specialtyName());
    }

    @EventSourcingHandler
    void on(SpecialtyServiceRetired event) {
        specialties.remove(event.specialtyCode());
    }

    @EventSourcingHandler
    void on(StationSuspended event) {
        status = StationStatus.SUSPENDED;
        lastChangeAt = event.suspendedAt();
    }

    @EventSourcingHandler
    void on(StationReopened event) {
        status = StationStatus.OPEN;
        lastChangeAt = event.reopenedAt();
    }

    @EventSourcingHandler
    void on(StationClosed event) {
        status = StationStatus.CLOSED;
        lastChangeAt = event.closedAt();
    }

    private void refuseIfClosed() {
        if (status == StationStatus.CLOSED) {
            throw DomainException.refuse(STATION_CLOSED);
        }
    }

    /** A status or point change's business time (not in the future: read at the edge), not before the last change. */
    private Instant inOrder(Instant at) {
        if (at.isBefore(lastChangeAt)) {
            throw DomainException.refuseField(STATION_CHANGE_OUT_OF_ORDER, "effectiveAt", at, lastChangeAt);
        }
        return at;
    }

    /** A specialty's business time (not in the future, read at the edge): not before the station opened. */
    private Instant afterOpening(Instant at) {
        if (at.isBefore(openedAt)) {
            throw DomainException.refuseField(CHANGE_BEFORE_STATION_OPENED, "effectiveAt", openedAt, at);
        }
        return at;
    }
}
