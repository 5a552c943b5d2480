package org.familystation.command.offering;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.Rules;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;
import org.familystation.events.common.CapacityPeriod;
import org.familystation.events.common.Pricing;
import org.familystation.platform.error.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import static org.familystation.command.offering.OfferingRefusals.*;

/**
 * An admitted alliance member offers a service project at a station (提供服务项目), as read from what was sent by
 * {@link #read}.
 *
 * @param memberId    as sent: whether it names an admitted member is the offering's to decide
 * @param stationId   as sent, likewise
 * @param projectCode as sent: whether the catalogue holds it is the offering's to decide
 * @param priceFen    what a beneficiary pays, in fen: 1 to {@link #MAX_PRICE_FEN} for SUBSIDISED and PAID, null for
 *                    FREE
 * @param capacity    how many people it can serve per {@code capacityPeriod}: 1 to {@link #MAX_CAPACITY}
 * @param schedule    when, as users write it (每周六上午); null when not given
 * @param offeredAt   when it was first offered (business time)
 */
public record OfferService(
        @TargetAggregateIdentifier String offeringId,
        String memberId,
        String stationId,
        String projectCode,
        Pricing pricing,
        Long priceFen,
        int capacity,
        CapacityPeriod capacityPeriod,
        String schedule,
        Instant offeredAt) implements ScopedCommand {

    static final int MAX_SCHEDULE = 200;
    static final int MAX_CAPACITY = 10_000;
    /** ¥100,000: a price above it is a typing error, not a service of a community station. */
    static final long MAX_PRICE_FEN = 10_000_000;

    public OfferService {
        offeringId = Rules.uuid(offeringId, CommonRefusals.ID_INVALID, "offeringId");
        Objects.requireNonNull(pricing, "pricing");
        priceFen = price(pricing, priceFen);
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw DomainException.refuseField(CAPACITY_INVALID, "capacity", MAX_CAPACITY);
        }
        Objects.requireNonNull(capacityPeriod, "capacityPeriod");
        schedule = Rules.optionalText(schedule, MAX_SCHEDULE, SCHEDULE_TOO_LONG, "schedule");
        Objects.requireNonNull(offeredAt, "offeredAt");
    }

    /**
     * The command from what a client sent.
     *
     * @param pricing        FREE, SUBSIDISED or PAID
     * @param priceFen       required for SUBSIDISED and PAID; absent (or 0) for FREE
     * @param capacityPeriod PER_SESSION or PER_MONTH
     * @param offeredAt      when it was first offered; now when not given
     */
    public static OfferService read(String offeringId, String memberId, String stationId, String projectCode,
                                    String pricing, Long priceFen, Integer capacity, String capacityPeriod,
                                    String schedule, Instant offeredAt, Clock clock) {
        Pricing readPricing = Rules.oneOf(Pricing.class, pricing, PRICING_UNKNOWN, "pricing");
        if (capacity == null) {
            throw DomainException.refuseField(CAPACITY_INVALID, "capacity", MAX_CAPACITY);
        }
        return new OfferService(offeringId, memberId, stationId, projectCode, readPricing, priceFen, capacity,
                Rules.oneOf(CapacityPeriod.class, capacityPeriod, CAPACITY_PERIOD_UNKNOWN, "capacityPeriod"),
                schedule, Rules.happenedAt(offeredAt, clock, "offeredAt"));
    }

    /** FREE has no price; SUBSIDISED and PAID say what a beneficiary pays. */
    private static Long price(Pricing pricing, Long priceFen) {
        if (pricing == Pricing.FREE) {
            if (priceFen != null && priceFen != 0) {
                throw DomainException.refuseField(PRICE_NOT_ALLOWED_WHEN_FREE, "priceFen", priceFen);
            }
            return null;
        }
        if (priceFen == null || priceFen < 1 || priceFen > MAX_PRICE_FEN) {
            throw DomainException.refuseField(PRICE_REQUIRED, "priceFen", MAX_PRICE_FEN);
        }
        return priceFen;
    }

    @Override
    public Place actsAt() {
        return Place.network();
    }
}
