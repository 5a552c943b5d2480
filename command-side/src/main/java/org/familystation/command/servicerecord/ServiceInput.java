package org.familystation.command.servicerecord;

import java.time.Instant;
import java.util.List;

/**
 * What a user says about a delivered service, as sent. In a correction, a null field means "unchanged" (a list
 * given replaces the recorded one; an empty list removes everyone).
 *
 * @param providerKind     ALLIANCE_MEMBER, FEDERATION_STAFF, SOCIAL_WORKER or VOLUNTEERS
 * @param providerMemberId the alliance member's id, for ALLIANCE_MEMBER
 * @param socialWorkerIds  the registered social workers who delivered it (at least one for SOCIAL_WORKER)
 * @param staffIds         the registered federation staff who delivered it (at least one for FEDERATION_STAFF)
 * @param volunteers       the registered volunteers who helped, with their minutes (at least one for VOLUNTEERS)
 */
public record ServiceInput(
        String stationPoint,
        String projectCode,
        String providerKind,
        String providerMemberId,
        List<String> socialWorkerIds,
        List<String> staffIds,
        List<VolunteerMinutes> volunteers,
        Instant deliveredAt,
        Integer participantCount,
        String description,
        String outcome,
        Integer satisfaction,
        String feedback) {

    /** A volunteer named on a service, with the whole minutes they gave. */
    public record VolunteerMinutes(String volunteerId, Integer minutes) {
    }
}
