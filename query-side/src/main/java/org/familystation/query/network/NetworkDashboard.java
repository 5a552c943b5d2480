package org.familystation.query.network;

import java.util.List;
import java.util.Map;

/**
 * The size and shape of the network: units by level, community homes and stations by district and tier, which
 * station points serve, which specialty services are offered.
 */
public record NetworkDashboard(Map<String, Long> unitsByLevel, List<DistrictNetwork> byDistrict,
                               Map<String, Long> activeStationPoints, List<SpecialtyCount> specialties) {

    /** One district: its community homes (and how many are provincial demonstration homes) and its stations. */
    public record DistrictNetwork(String district, long communityHomes, long demonstrationHomes, long openStations,
                                  long suspendedStations, long closedStations, long stationsAtDemonstrationHomes) {
    }

    public record SpecialtyCount(String code, String name, long stations) {
    }
}
