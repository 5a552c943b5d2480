package org.familystation.command.station;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Let a suspended station serve again. */
public record ReopenStation(
        @TargetAggregateIdentifier String stationId,
        String reason,
        Instant effectiveAt) implements AtStation {
}
