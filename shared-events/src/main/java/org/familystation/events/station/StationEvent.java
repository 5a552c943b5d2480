package org.familystation.events.station;

/** Everything that can happen to a Family Station (家庭驿站). */
public sealed interface StationEvent permits StationOpened {

    String stationId();
}
