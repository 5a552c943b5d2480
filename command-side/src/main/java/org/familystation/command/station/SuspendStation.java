package org.familystation.command.station;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.Reason;
import org.familystation.command.common.Rules;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Stop the station serving for a while. */
public record SuspendStation(
        @TargetAggregateIdentifier String stationId,
        Reason reason,
        Instant effectiveAt) implements AtStation {

    public SuspendStation {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
    }

    /** The command from what a client sent; {@code effectiveAt} is now when not given. */
    public static SuspendStation read(String stationId, String reason, Instant effectiveAt, Clock clock) {
        return new SuspendStation(stationId, new Reason(reason), Rules.happenedAt(effectiveAt, clock, "effectiveAt"));
    }
}
