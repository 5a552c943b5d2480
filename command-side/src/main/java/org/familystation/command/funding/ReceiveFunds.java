package org.familystation.command.funding;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.time.Instant;

/**
 * Record funds received (资金到账).
 *
 * @param source    FEDERATION_SPECIAL_FUNDS, SOCIAL_DONATION, VENTURE_PHILANTHROPY_SUBSIDY, GOVERNMENT_PURCHASE or
 *                  ASSOCIATION_FUNDRAISING
 * @param donor     the donor, or the programme the money comes under
 * @param amountFen the amount in fen
 */
public record ReceiveFunds(
        @TargetAggregateIdentifier String fundId,
        String source,
        String donor,
        Long amountFen,
        Instant receivedAt,
        String note) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return Place.network();
    }
}
