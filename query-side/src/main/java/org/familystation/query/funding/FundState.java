package org.familystation.query.funding;

import org.familystation.events.common.FundingSource;

import java.time.Instant;

/**
 * A fund as its events leave it ({@link FundFold}): what {@code rm_fund} holds of it, and what the network as of a
 * date shows of it. Amounts in fen.
 *
 * @param allocatedFen what its allocations hold: allocated, less what was released back
 * @param spentFen     what was spent from its allocations
 */
public record FundState(
        String fundId,
        FundingSource source,
        String donor,
        String note,
        Instant receivedAt,
        Instant recordedAt,
        long receivedFen,
        long allocatedFen,
        long spentFen) {

    /** What is left to allocate: money released from an allocation counts as never allocated. */
    public long unallocatedFen() {
        return receivedFen - allocatedFen;
    }
}
