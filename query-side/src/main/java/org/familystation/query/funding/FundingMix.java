package org.familystation.query.funding;

import org.familystation.events.common.FundingSource;

import java.util.List;

/**
 * Where the money came from and where it went, in fen, for a period of months and optionally one district. Shares
 * are integer basis points (1/100 of a percent, 10000 = all) of the column's total, rounded half up, so they may
 * not add up to exactly 10000; a share is absent when its total is zero.
 *
 * @param receivedFen funds received in the period; absent when a district is asked for (the network receives
 *                    funds, districts do not)
 * @param allocatedFen allocated in the period and not released back
 * @param bySource    every funding source, in a fixed order
 * @param byDistrict  allocations per district of the station; {@code district} is absent for allocations to
 *                    service projects
 */
public record FundingMix(
        String district,
        String from,
        String to,
        Long receivedFen,
        long allocatedFen,
        long spentFen,
        List<SourceShare> bySource,
        List<DistrictFunding> byDistrict) {

    public record SourceShare(FundingSource source, String label, Long receivedFen, Integer receivedShareBasisPoints,
                              long allocatedFen, Integer allocatedShareBasisPoints, long spentFen,
                              Integer spentShareBasisPoints) {
    }

    public record DistrictFunding(String district, long allocatedFen, long spentFen) {
    }
}
