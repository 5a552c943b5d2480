package org.familystation.command.funding;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.time.Instant;

/**
 * Close an allocation and return what it has not spent to the fund (结余退回), for a reason.
 *
 * @param releasedAt when it was released (business time); now when not given
 */
public record ReleaseAllocation(
        @TargetAggregateIdentifier String fundId,
        String allocationId,
        String reason,
        Instant releasedAt) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return new Place.Allocation(fundId, allocationId,
                Place.refusedField(FundingRefusals.ALLOCATION_UNKNOWN, "allocationId", allocationId));
    }
}
