package org.familystation.command.funding;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Record money spent (支出) against an allocation of a fund. */
public record RecordExpenditure(
        @TargetAggregateIdentifier String fundId,
        String allocationId,
        String expenditureId,
        Long amountFen,
        String purpose,
        Instant spentAt,
        String voucherNumber) {
}
