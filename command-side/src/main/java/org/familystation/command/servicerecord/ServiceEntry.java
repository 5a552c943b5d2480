package org.familystation.command.servicerecord;

import org.familystation.events.common.ProviderKind;
import org.familystation.events.common.StationPoint;
import org.familystation.events.common.VolunteerTime;

import java.time.Instant;
import java.util.List;

/**
 * A service as read at the edge from what a user sent ({@link ServiceInput#record}, {@link ServiceInput#changes}):
 * every rule that needs no state (codes, counts, ranges, lengths, a time not in the future) has been checked, so the
 * aggregate and its policy decide only what depends on the network. In a correction, a null field means "unchanged":
 * a list given replaces the recorded one (an empty list removes everyone), and an empty outcome or feedback removes
 * it.
 *
 * @param socialWorkerIds the registered social workers who delivered it (at least one for SOCIAL_WORKER)
 * @param staffIds        the registered federation staff who delivered it (at least one for FEDERATION_STAFF)
 * @param volunteers      the registered volunteers who helped, with their minutes (at least one for VOLUNTEERS)
 */
public record ServiceEntry(
        StationPoint stationPoint,
        String projectCode,
        ProviderKind providerKind,
        String providerMemberId,
        List<String> socialWorkerIds,
        List<String> staffIds,
        List<VolunteerTime> volunteers,
        Instant deliveredAt,
        ParticipantCount participantCount,
        String description,
        String outcome,
        Satisfaction satisfaction,
        String feedback) {

    static final ServiceEntry NO_CHANGES = new ServiceEntry(null, null, null, null, null, null, null, null, null,
            null, null, null, null);
}
