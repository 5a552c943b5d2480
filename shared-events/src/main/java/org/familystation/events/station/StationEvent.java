package org.familystation.events.station;

/** Everything that can happen to a Family Station (家庭驿站). */
public sealed interface StationEvent permits StationOpened, StationPointActivated, StationPointDeactivated,
        SpecialtyServiceAdded, SpecialtyServiceRetired, StationSuspended, StationReopened, StationClosed {

    String stationId();
}
