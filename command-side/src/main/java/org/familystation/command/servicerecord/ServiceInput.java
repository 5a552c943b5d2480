package org.familystation.command.servicerecord;

import java.time.Instant;

/**
 * What a user says about a delivered service, as sent. In a correction, a null field means "unchanged".
 *
 * @param providerKind     ALLIANCE_MEMBER, FEDERATION_STAFF, SOCIAL_WORKER or VOLUNTEERS
 * @param providerMemberId the alliance member's id, for ALLIANCE_MEMBER
 * @param providerName     who delivered it, for the other kinds (names of the people)
 */
public record ServiceInput(
        String stationPoint,
        String projectCode,
        String providerKind,
        String providerMemberId,
        String providerName,
        Instant deliveredAt,
        Integer participantCount,
        String description,
        String outcome,
        Integer satisfaction,
        String feedback) {
}
