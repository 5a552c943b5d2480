package org.familystation.command.offering;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.time.Instant;

/**
 * An admitted alliance member offers a service project at a station (提供服务项目).
 *
 * @param pricing        FREE, SUBSIDISED or PAID
 * @param priceFen       what a beneficiary pays, in fen: required for SUBSIDISED and PAID, absent for FREE
 * @param capacity       how many people it can serve per {@code capacityPeriod}
 * @param capacityPeriod PER_SESSION or PER_MONTH
 * @param schedule       when, as users write it (每周六上午)
 * @param offeredAt      when it was first offered (business time); now when not given
 */
public record OfferService(
        @TargetAggregateIdentifier String offeringId,
        String memberId,
        String stationId,
        String projectCode,
        String pricing,
        Long priceFen,
        Integer capacity,
        String capacityPeriod,
        String schedule,
        Instant offeredAt) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return Place.network();
    }
}
