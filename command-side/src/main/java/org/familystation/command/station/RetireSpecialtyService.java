package org.familystation.command.station;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.Reason;
import org.familystation.command.common.Rules;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Stop offering a specialty service, for a reason. */
public record RetireSpecialtyService(
        @TargetAggregateIdentifier String stationId,
        String specialtyCode,
        Reason reason,
        Instant effectiveAt) implements AtStation {

    public RetireSpecialtyService {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
    }

    /** The command from what a client sent; {@code effectiveAt} is now when not given. */
    public static RetireSpecialtyService read(String stationId, String specialtyCode, String reason,
                                              Instant effectiveAt, Clock clock) {
        return new RetireSpecialtyService(stationId, specialtyCode, new Reason(reason),
                Rules.happenedAt(effectiveAt, clock, "effectiveAt"));
    }
}
