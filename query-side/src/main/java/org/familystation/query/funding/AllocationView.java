package org.familystation.query.funding;

import org.familystation.events.common.FundingSource;

import java.time.Instant;
import java.util.List;

/**
 * An allocation of a fund to a station ({@code stationId}, name and district at the time) or to a service project
 * ({@code projectCode}), with its balances in fen: {@code allocatedFen = spentFen + remainingFen}; a release moved
 * the remainder back to the fund ({@code releasedFen}).
 *
 * @param expenditures what was spent, in the order it was spent (only when one allocation is asked for)
 */
public record AllocationView(
        String fundId,
        String allocationId,
        FundingSource source,
        String sourceLabel,
        String stationId,
        String stationName,
        String district,
        String projectCode,
        String projectName,
        String note,
        Instant allocatedAt,
        long allocatedFen,
        long spentFen,
        long remainingFen,
        long releasedFen,
        boolean released,
        String releaseReason,
        Instant releasedAt,
        List<ExpenditureView> expenditures) {

    AllocationView withExpenditures(List<ExpenditureView> expenditures) {
        return new AllocationView(fundId, allocationId, source, sourceLabel, stationId, stationName, district,
                projectCode, projectName, note, allocatedAt, allocatedFen, spentFen, remainingFen, releasedFen,
                released, releaseReason, releasedAt, expenditures);
    }
}
