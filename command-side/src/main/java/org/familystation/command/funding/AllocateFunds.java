package org.familystation.command.funding;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Allocate part of a fund (资金分配) to a station or to a service project: exactly one of {@code stationId} and
 * {@code projectCode}.
 */
public record AllocateFunds(
        @TargetAggregateIdentifier String fundId,
        String allocationId,
        String stationId,
        String projectCode,
        Long amountFen,
        String note) {
}
