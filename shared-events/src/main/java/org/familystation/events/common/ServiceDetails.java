package org.familystation.events.common;

import java.time.Instant;

/**
 * What was delivered in one service: the part of a service record that a correction may change. Names (project,
 * provider) are those at the time of the service, so the history reads without looking anything up.
 *
 * @param satisfaction the beneficiaries' satisfaction, 1 to 5, or null when it was not asked
 */
public record ServiceDetails(
        StationPoint stationPoint,
        String projectCode,
        String projectName,
        Provider provider,
        Instant deliveredAt,
        int participantCount,
        String description,
        String outcome,
        Integer satisfaction,
        String feedback) {
}
