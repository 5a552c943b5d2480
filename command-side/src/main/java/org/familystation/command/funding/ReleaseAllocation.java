package org.familystation.command.funding;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close an allocation and return what it has not spent to the fund (结余退回), for a reason. */
public record ReleaseAllocation(
        @TargetAggregateIdentifier String fundId,
        String allocationId,
        String reason) {
}
