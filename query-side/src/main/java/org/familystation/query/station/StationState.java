package org.familystation.query.station;

import org.familystation.events.common.HomeTier;
import org.familystation.events.common.StationPoint;
import org.familystation.query.station.StationOverview.Specialty;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A station as its events leave it ({@link StationFold}): what {@code rm_station} and {@code rm_station_specialty}
 * hold of it, and what the network as of a date shows of it.
 *
 * @param homeTier        the community home's tier when the station was opened (the home's current one is the
 *                        unit's)
 * @param statusReason    why it got its status; null while open since its opening
 * @param statusChangedAt when it got its status; null while open since its opening
 * @param specialties     the specialty services it offers, in the order they were added
 */
public record StationState(
        String stationId,
        String stationName,
        String communityHomeId,
        String communityHomeName,
        String district,
        HomeTier homeTier,
        Instant openedAt,
        StationStatus status,
        String statusReason,
        Instant statusChangedAt,
        Set<StationPoint> activePoints,
        List<Specialty> specialties) {

    public StationState {
        activePoints = points(activePoints);
        specialties = List.copyOf(specialties);
    }

    /** Since when the station has had its status: its opening until its status first changed. */
    public Instant statusSince() {
        return statusChangedAt != null ? statusChangedAt : openedAt;
    }

    StationState withStatus(StationStatus newStatus, String reason, Instant at) {
        return new StationState(stationId, stationName, communityHomeId, communityHomeName, district, homeTier,
                openedAt, newStatus, reason, at, activePoints, specialties);
    }

    StationState withActivePoints(Set<StationPoint> points) {
        return new StationState(stationId, stationName, communityHomeId, communityHomeName, district, homeTier,
                openedAt, status, statusReason, statusChangedAt, points, specialties);
    }

    StationState withSpecialties(List<Specialty> offered) {
        return new StationState(stationId, stationName, communityHomeId, communityHomeName, district, homeTier,
                openedAt, status, statusReason, statusChangedAt, activePoints, offered);
    }

    /** An unmodifiable set in the points' own order (as the read model writes them). */
    private static Set<StationPoint> points(Collection<StationPoint> points) {
        EnumSet<StationPoint> copy = EnumSet.noneOf(StationPoint.class);
        copy.addAll(points);
        return Collections.unmodifiableSet(copy);
    }
}
