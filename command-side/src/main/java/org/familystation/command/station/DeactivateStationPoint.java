package org.familystation.command.station;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.Reason;
import org.familystation.command.common.Rules;
import org.familystation.events.common.StationPoint;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Stop a station point from serving; services can no longer be recorded there. */
public record DeactivateStationPoint(
        @TargetAggregateIdentifier String stationId,
        StationPoint point,
        Reason reason,
        Instant effectiveAt) implements AtStation {

    public DeactivateStationPoint {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
    }

    /** The command from what a client sent; {@code effectiveAt} is now when not given. */
    public static DeactivateStationPoint read(String stationId, String point, String reason, Instant effectiveAt,
                                              Clock clock) {
        return new DeactivateStationPoint(stationId,
                Rules.oneOf(StationPoint.class, point, StationRefusals.STATION_POINT_UNKNOWN, "point"),
                new Reason(reason), Rules.happenedAt(effectiveAt, clock, "effectiveAt"));
    }
}
