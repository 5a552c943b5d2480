package org.familystation.events.funding;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.FundingSource;

import java.time.Instant;

/**
 * Funds were received from a source.
 *
 * @param donor      the donor or the programme the money comes under (出资方或项目名称), as written at the time
 * @param amountFen  the amount received, in fen
 * @param receivedAt when the money was received (as the user said); {@code recordedAt} is when it was recorded
 */
@Revision("1")
public record FundsReceived(
        String fundId,
        FundingSource source,
        String donor,
        long amountFen,
        Instant receivedAt,
        String note,
        Instant recordedAt) implements FundEvent {
}
