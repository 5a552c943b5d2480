package org.familystation.query.station;

/** Whether a station serves, as {@code rm_station.status} holds it; a filter value outside these is a 400. */
public enum StationStatus {
    OPEN, SUSPENDED, CLOSED
}
