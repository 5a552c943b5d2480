package org.familystation.events.funding;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Part of a fund was allocated (分配) to a station or to a service project: exactly one of {@code stationId} and
 * {@code projectCode} is set. The station's name and district, or the project's name, are those at the time.
 *
 * @param amountFen the amount allocated, in fen; never more than the fund had unallocated
 */
@Revision("1")
public record FundsAllocated(
        String fundId,
        String allocationId,
        String stationId,
        String stationName,
        String district,
        String projectCode,
        String projectName,
        long amountFen,
        String note,
        Instant allocatedAt) implements FundEvent {
}
