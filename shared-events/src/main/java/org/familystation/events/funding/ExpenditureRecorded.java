package org.familystation.events.funding;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Money was spent (支出) against an allocation of the fund, for a purpose.
 *
 * @param amountFen     the amount spent, in fen; never more than the allocation had left
 * @param spentAt       when it was spent (as the user said); {@code recordedAt} is when it was recorded
 * @param voucherNumber the accounting voucher (凭证号), if given
 */
@Revision("1")
public record ExpenditureRecorded(
        String fundId,
        String allocationId,
        String expenditureId,
        long amountFen,
        String purpose,
        Instant spentAt,
        String voucherNumber,
        Instant recordedAt) implements FundEvent {
}
