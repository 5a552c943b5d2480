package org.familystation.command.station;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.Reason;
import org.familystation.command.common.Rules;
import org.familystation.events.common.StationPoint;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Let a station point (驿站点) serve again. */
public record ActivateStationPoint(
        @TargetAggregateIdentifier String stationId,
        StationPoint point,
        Reason reason,
        Instant effectiveAt) implements AtStation {

    public ActivateStationPoint {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
    }

    /** The command from what a client sent; {@code effectiveAt} is now when not given. */
    public static ActivateStationPoint read(String stationId, String point, String reason, Instant effectiveAt,
                                            Clock clock) {
        return new ActivateStationPoint(stationId,
                Rules.oneOf(StationPoint.class, point, StationRefusals.STATION_POINT_UNKNOWN, "point"),
                new Reason(reason), Rules.happenedAt(effectiveAt, clock, "effectiveAt"));
    }
}
