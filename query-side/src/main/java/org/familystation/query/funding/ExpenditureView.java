package org.familystation.query.funding;

import java.time.Instant;

/** Money spent against an allocation, in fen. */
public record ExpenditureView(
        String fundId,
        String allocationId,
        String expenditureId,
        long amountFen,
        String purpose,
        Instant spentAt,
        String voucherNumber,
        Instant recordedAt) {
}
