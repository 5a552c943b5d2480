package org.familystation.command.station;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Close the station for good. */
public record CloseStation(
        @TargetAggregateIdentifier String stationId,
        String reason,
        Instant effectiveAt) implements AtStation {
}
