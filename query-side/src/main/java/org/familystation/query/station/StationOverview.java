package org.familystation.query.station;

import org.familystation.events.common.HomeTier;
import org.familystation.events.common.StationPoint;

import java.time.Instant;
import java.util.List;

/**
 * A station as dashboards and lists show it. The tier is the community home's current one; {@code specialties}
 * is filled for one station only (null in lists).
 */
public record StationOverview(
        String stationId,
        String stationName,
        String communityHomeId,
        String communityHomeName,
        String district,
        HomeTier homeTier,
        String homeTierLabel,
        String status,
        List<StationPoint> activePoints,
        Instant openedAt,
        String statusReason,
        Instant statusChangedAt,
        List<Specialty> specialties) {

    /** A specialty service (特色服务) the station offers. */
    public record Specialty(String code, String name, Instant addedAt) {
    }

    StationOverview withSpecialties(List<Specialty> offered) {
        return new StationOverview(stationId, stationName, communityHomeId, communityHomeName, district, homeTier,
                homeTierLabel, status, activePoints, openedAt, statusReason, statusChangedAt, offered);
    }
}
