package org.familystation.query.offering;

import org.familystation.events.common.Alliance;
import org.familystation.events.common.CapacityPeriod;
import org.familystation.events.common.Pricing;
import org.familystation.events.common.StationPoint;

import java.time.Instant;

/** A member's offer of a service project at a station, active or withdrawn. Prices are in fen. */
public record OfferingView(
        String offeringId,
        String memberId,
        Alliance alliance,
        String organisationName,
        String stationId,
        String stationName,
        String district,
        StationPoint stationPoint,
        String stationPointLabel,
        String projectCode,
        String projectName,
        Pricing pricing,
        String pricingLabel,
        Long priceFen,
        int capacity,
        CapacityPeriod capacityPeriod,
        String capacityPeriodLabel,
        String schedule,
        Instant offeredAt,
        boolean active,
        Instant withdrawnAt,
        String withdrawalReason) {
}
