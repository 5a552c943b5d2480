package org.familystation.command.station;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Stop the station serving for a while. */
public record SuspendStation(
        @TargetAggregateIdentifier String stationId,
        String reason,
        Instant effectiveAt) implements AtStation {
}
