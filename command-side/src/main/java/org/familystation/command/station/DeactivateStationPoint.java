package org.familystation.command.station;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Stop a station point from serving; services can no longer be recorded there. */
public record DeactivateStationPoint(
        @TargetAggregateIdentifier String stationId,
        String point,
        String reason,
        Instant effectiveAt) implements AtStation {
}
