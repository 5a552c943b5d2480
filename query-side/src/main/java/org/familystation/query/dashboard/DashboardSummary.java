package org.familystation.query.dashboard;

import java.util.List;
import java.util.Map;

/** What leadership sees first: the size of the network, the alliances, and the services delivered. */
public record DashboardSummary(Stations stations, List<AllianceCount> allianceMembers, Services services) {

    public record Stations(long total, List<DistrictCount> byDistrict) {
    }

    public record DistrictCount(String district, long stations, long provincialDemonstration) {
    }

    public record AllianceCount(String alliance, String label, long total, Map<String, Long> byStatus) {
    }

    /** Services that stand (voided ones excluded); the average counts only rated services. */
    public record Services(long total, long participants, Double averageSatisfaction,
                           List<ServiceCount> byStationPoint, List<ServiceCount> byProject,
                           List<ServiceCount> byDistrict, List<ServiceCount> byMonth) {
    }

    /** Services under one key (a station point, a project code, a district or a month yyyy-MM). */
    public record ServiceCount(String key, String label, long services, long participants,
                               Double averageSatisfaction) {
    }
}
