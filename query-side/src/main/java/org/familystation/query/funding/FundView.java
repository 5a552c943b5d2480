package org.familystation.query.funding;

import org.familystation.events.common.FundingSource;

import java.time.Instant;
import java.util.List;

/**
 * One receipt of funds and its balances, in fen: {@code allocatedFen} is what its allocations hold now (spent or
 * not; money released back is unallocated again), {@code unallocatedFen} is {@code receivedFen - allocatedFen}.
 *
 * @param allocations the fund's allocations, oldest first (only when one fund is asked for)
 */
public record FundView(
        String fundId,
        FundingSource source,
        String sourceLabel,
        String donor,
        String note,
        Instant receivedAt,
        Instant recordedAt,
        long receivedFen,
        long allocatedFen,
        long spentFen,
        long unallocatedFen,
        List<AllocationView> allocations) {

    FundView withAllocations(List<AllocationView> allocations) {
        return new FundView(fundId, source, sourceLabel, donor, note, receivedAt, recordedAt, receivedFen,
                allocatedFen, spentFen, unallocatedFen, allocations);
    }
}
