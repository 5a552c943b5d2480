package org.familystation.query.people;

import org.familystation.events.common.SocialWorkerQualification;

import java.time.Instant;

/**
 * A social worker and the station they serve now ({@code stationId} null when not assigned), with how their last
 * assignment ended, and how many services that stand name them.
 */
public record SocialWorkerView(
        String socialWorkerId,
        String name,
        String phone,
        SocialWorkerQualification qualification,
        String qualificationLabel,
        String headquartersId,
        String headquartersName,
        Instant recruitedAt,
        String stationId,
        String stationName,
        String district,
        Instant assignedAt,
        Instant releasedAt,
        String releaseReason,
        long services) {
}
