package org.familystation.command.station;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Let a station point (驿站点) serve again. */
public record ActivateStationPoint(
        @TargetAggregateIdentifier String stationId,
        String point,
        String reason,
        Instant effectiveAt) implements AtStation {
}
