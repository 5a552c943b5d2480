package org.familystation.command.station;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What can be done to an open station, each for a reason (except adding a specialty service). */
public final class StationCommands {

    private StationCommands() {
    }

    /** Let a station point (驿站点) serve again. */
    public record ActivateStationPoint(@TargetAggregateIdentifier String stationId, String point, String reason) {
    }

    /** Stop a station point from serving; services can no longer be recorded there. */
    public record DeactivateStationPoint(@TargetAggregateIdentifier String stationId, String point, String reason) {
    }

    /** Add a specialty service (特色服务) from the catalogue. */
    public record AddSpecialtyService(@TargetAggregateIdentifier String stationId, String specialtyCode) {
    }

    /** Stop offering a specialty service. */
    public record RetireSpecialtyService(@TargetAggregateIdentifier String stationId, String specialtyCode,
                                         String reason) {
    }

    /** Stop the station serving for a while. */
    public record SuspendStation(@TargetAggregateIdentifier String stationId, String reason) {
    }

    /** Let a suspended station serve again. */
    public record ReopenStation(@TargetAggregateIdentifier String stationId, String reason) {
    }

    /** Close the station for good. */
    public record CloseStation(@TargetAggregateIdentifier String stationId, String reason) {
    }
}
