package org.familystation.command.funding;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.time.Instant;

/** Record money spent (支出) against an allocation of a fund. */
public record RecordExpenditure(
        @TargetAggregateIdentifier String fundId,
        String allocationId,
        String expenditureId,
        Long amountFen,
        String purpose,
        Instant spentAt,
        String voucherNumber) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return new Place.Allocation(fundId, allocationId,
                Place.refusedField(FundingRefusals.ALLOCATION_UNKNOWN, "allocationId", allocationId));
    }
}
