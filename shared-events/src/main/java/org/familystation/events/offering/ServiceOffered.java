package org.familystation.events.offering;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.Alliance;
import org.familystation.events.common.CapacityPeriod;
import org.familystation.events.common.Pricing;
import org.familystation.events.common.StationPoint;

import java.time.Instant;

/**
 * An admitted alliance member offers a service project at a station; names are those at the time.
 *
 * @param priceFen what a beneficiary pays, in fen, for {@link Pricing#PAID} and {@link Pricing#SUBSIDISED}; null
 *                 for {@link Pricing#FREE}
 * @param capacity how many people it serves per {@code capacityPeriod}
 * @param schedule when it is offered, as users write it (for example 每周六上午), or null
 */
@Revision("1")
public record ServiceOffered(
        String offeringId,
        String memberId,
        Alliance alliance,
        String organisationName,
        String stationId,
        String stationName,
        String district,
        StationPoint stationPoint,
        String projectCode,
        String projectName,
        Pricing pricing,
        Long priceFen,
        int capacity,
        CapacityPeriod capacityPeriod,
        String schedule,
        Instant offeredAt) implements OfferingEvent {
}
