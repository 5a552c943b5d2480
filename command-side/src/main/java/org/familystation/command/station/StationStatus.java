package org.familystation.command.station;

/** Whether a station serves. */
public enum StationStatus {
    OPEN, SUSPENDED, CLOSED
}
