package org.familystation.query.station;

import org.familystation.events.common.StationPoint;
import org.familystation.events.station.SpecialtyServiceAdded;
import org.familystation.events.station.SpecialtyServiceRetired;
import org.familystation.events.station.StationClosed;
import org.familystation.events.station.StationEvent;
import org.familystation.events.station.StationOpened;
import org.familystation.events.station.StationPointActivated;
import org.familystation.events.station.StationPointDeactivated;
import org.familystation.events.station.StationReopened;
import org.familystation.events.station.StationSuspended;
import org.familystation.query.station.StationOverview.Specialty;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What each station event does to a station: the one statement of these rules, which {@link StationProjection}
 * persists and the network as of a date folds in memory.
 */
public final class StationFold {

    private StationFold() {
    }

    /**
     * The station after {@code event}. Null {@code station}: not opened (yet); then only its opening makes one, and
     * every other event leaves it null. An opening of a station that exists changes nothing.
     */
    public static StationState evolve(StationState station, StationEvent event) {
        if (event instanceof StationOpened opened) {
            return station != null ? station : new StationState(opened.stationId(), opened.stationName(),
                    opened.communityHomeId(), opened.communityHomeName(), opened.district(), opened.homeTier(),
                    opened.openedAt(), StationStatus.OPEN, null, null, Set.copyOf(opened.activePoints()), List.of());
        }
        if (station == null) {
            return null;
        }
        if (event instanceof StationPointActivated activated) {
            Set<StationPoint> points = EnumSet.of(activated.point());
            points.addAll(station.activePoints());
            return station.withActivePoints(points);
        } else if (event instanceof StationPointDeactivated deactivated) {
            Set<StationPoint> points = EnumSet.noneOf(StationPoint.class);
            points.addAll(station.activePoints());
            points.remove(deactivated.point());
            return station.withActivePoints(points);
        } else if (event instanceof SpecialtyServiceAdded added) {
            List<Specialty> specialties = withoutSpecialty(station, added.specialtyCode());
            specialties.add(new Specialty(added.specialtyCode(), added.specialtyName(), added.addedAt()));
            return station.withSpecialties(specialties);
        } else if (event instanceof SpecialtyServiceRetired retired) {
            return station.withSpecialties(withoutSpecialty(station, retired.specialtyCode()));
        } else if (event instanceof StationSuspended suspended) {
            return station.withStatus(StationStatus.SUSPENDED, suspended.reason(), suspended.suspendedAt());
        } else if (event instanceof StationReopened reopened) {
            return station.withStatus(StationStatus.OPEN, reopened.reason(), reopened.reopenedAt());
        } else if (event instanceof StationClosed closed) {
            return station.withStatus(StationStatus.CLOSED, closed.reason(), closed.closedAt());
        }
        return station;
    }

    private static List<Specialty> withoutSpecialty(StationState station, String code) {
        List<Specialty> specialties = new ArrayList<>(station.specialties());
        specialties.removeIf(specialty -> specialty.code().equals(code));
        return specialties;
    }
}
