package org.familystation.command.funding;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.Rules;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import static org.familystation.command.funding.FundingRefusals.*;

/** Record money spent (支出) against an allocation of a fund, as read from what was sent by {@link #read}. */
public record RecordExpenditure(
        @TargetAggregateIdentifier String fundId,
        String allocationId,
        String expenditureId,
        Amount amount,
        String purpose,
        Instant spentAt,
        String voucherNumber) implements ScopedCommand {

    static final int MAX_PURPOSE = 500;
    static final int MAX_VOUCHER = 50;

    public RecordExpenditure {
        expenditureId = Rules.uuid(expenditureId, CommonRefusals.ID_INVALID, "expenditureId");
        Objects.requireNonNull(amount, "amount");
        purpose = Rules.requiredText(purpose, MAX_PURPOSE, PURPOSE_INVALID, "purpose");
        Objects.requireNonNull(spentAt, "spentAt");
        voucherNumber = Rules.optionalText(voucherNumber, MAX_VOUCHER, TEXT_TOO_LONG, "voucherNumber");
    }

    /** The command from what a client sent. */
    public static RecordExpenditure read(String fundId, String allocationId, String expenditureId, Long amountFen,
                                         String purpose, Instant spentAt, String voucherNumber, Clock clock) {
        return new RecordExpenditure(fundId, allocationId, expenditureId, Amount.of(amountFen), purpose,
                Rules.notInFuture(spentAt, clock, SPENT_AT_REQUIRED, SPENT_IN_FUTURE, "spentAt"), voucherNumber);
    }

    @Override
    public Place actsAt() {
        return new Place.Allocation(fundId, allocationId,
                Place.refusedField(FundingRefusals.ALLOCATION_UNKNOWN, "allocationId", allocationId));
    }
}
