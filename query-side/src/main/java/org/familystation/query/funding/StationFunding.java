package org.familystation.query.funding;

import java.util.List;

/** What a station was allocated from all funds, and its balances in fen (sums over its allocations). */
public record StationFunding(
        String stationId,
        long allocatedFen,
        long spentFen,
        long remainingFen,
        long releasedFen,
        List<AllocationView> allocations) {
}
