package org.familystation.events.funding;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An allocation was closed and what it had not spent went back to the fund's unallocated balance, for the reason
 * given. Nothing more can be spent against it.
 *
 * @param amountFen the unspent rest returned to the fund, in fen (may be 0)
 */
@Revision("1")
public record AllocationReleased(
        String fundId,
        String allocationId,
        long amountFen,
        String reason,
        Instant releasedAt) implements FundEvent {
}
