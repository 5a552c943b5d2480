package org.familystation.command.station;

import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/**
 * What can be done to an open station, each for a reason (except adding a specialty service), each acting at its
 * station, which belongs to its community home. Each carries when it took effect in the world ({@code effectiveAt},
 * business time; now when not given): a station's dated changes are entered in the order they happened.
 */
interface AtStation extends ScopedCommand {

    String stationId();

    @Override
    default Place actsAt() {
        return new Place.Station(stationId(), Place.noAggregate(stationId()));
    }
}
