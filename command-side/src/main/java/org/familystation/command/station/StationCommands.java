package org.familystation.command.station;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.time.Instant;

/**
 * What can be done to an open station, each for a reason (except adding a specialty service). Each carries when it
 * took effect in the world ({@code effectiveAt}, business time; now when not given): a station's dated changes are
 * entered in the order they happened.
 */
public final class StationCommands {

    private StationCommands() {
    }

    /** Each acts at its station, which belongs to its community home. */
    interface AtStation extends ScopedCommand {

        String stationId();

        @Override
        default Place actsAt() {
            return new Place.Station(stationId(), Place.noAggregate(stationId()));
        }
    }

    /** Let a station point (驿站点) serve again. */
    public record ActivateStationPoint(@TargetAggregateIdentifier String stationId, String point, String reason,
                                       Instant effectiveAt) implements AtStation {
    }

    /** Stop a station point from serving; services can no longer be recorded there. */
    public record DeactivateStationPoint(@TargetAggregateIdentifier String stationId, String point, String reason,
                                         Instant effectiveAt) implements AtStation {
    }

    /** Add a specialty service (特色服务) from the catalogue. */
    public record AddSpecialtyService(@TargetAggregateIdentifier String stationId, String specialtyCode,
                                      Instant effectiveAt) implements AtStation {
    }

    /** Stop offering a specialty service. */
    public record RetireSpecialtyService(@TargetAggregateIdentifier String stationId, String specialtyCode,
                                         String reason, Instant effectiveAt) implements AtStation {
    }

    /** Stop the station serving for a while. */
    public record SuspendStation(@TargetAggregateIdentifier String stationId, String reason, Instant effectiveAt)
            implements AtStation {
    }

    /** Let a suspended station serve again. */
    public record ReopenStation(@TargetAggregateIdentifier String stationId, String reason, Instant effectiveAt)
            implements AtStation {
    }

    /** Close the station for good. */
    public record CloseStation(@TargetAggregateIdentifier String stationId, String reason, Instant effectiveAt)
            implements AtStation {
    }
}
