package org.familystation.command.funding;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.time.Instant;

/**
 * Allocate part of a fund (资金分配) to a station or to a service project: exactly one of {@code stationId} and
 * {@code projectCode}.
 *
 * @param allocatedAt when the allocation was decided (business time); now when not given
 */
public record AllocateFunds(
        @TargetAggregateIdentifier String fundId,
        String allocationId,
        String stationId,
        String projectCode,
        Long amountFen,
        String note,
        Instant allocatedAt) implements ScopedCommand {

    @Override
    public Place actsAt() {
        // Whether both or neither are given is the fund's rule to refuse; a project's allocation is network-wide.
        return stationId == null || stationId.isBlank() ? Place.network() : new Place.Station(stationId.strip(),
                Place.refusedField(CommonRefusals.STATION_UNKNOWN, "stationId", stationId));
    }
}
