package org.familystation.command.station;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.Rules;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Add a specialty service (特色服务) from the catalogue.
 *
 * @param specialtyCode as sent: whether the catalogue holds it is the station's to decide
 */
public record AddSpecialtyService(
        @TargetAggregateIdentifier String stationId,
        String specialtyCode,
        Instant effectiveAt) implements AtStation {

    public AddSpecialtyService {
        Objects.requireNonNull(effectiveAt, "effectiveAt");
    }

    /** The command from what a client sent; {@code effectiveAt} is now when not given. */
    public static AddSpecialtyService read(String stationId, String specialtyCode, Instant effectiveAt, Clock clock) {
        return new AddSpecialtyService(stationId, specialtyCode, Rules.happenedAt(effectiveAt, clock, "effectiveAt"));
    }
}
