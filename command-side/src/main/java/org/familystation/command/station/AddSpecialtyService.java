package org.familystation.command.station;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Add a specialty service (特色服务) from the catalogue. */
public record AddSpecialtyService(
        @TargetAggregateIdentifier String stationId,
        String specialtyCode,
        Instant effectiveAt) implements AtStation {
}
