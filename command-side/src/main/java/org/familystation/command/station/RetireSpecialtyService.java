package org.familystation.command.station;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Stop offering a specialty service. */
public record RetireSpecialtyService(
        @TargetAggregateIdentifier String stationId,
        String specialtyCode,
        String reason,
        Instant effectiveAt) implements AtStation {
}
