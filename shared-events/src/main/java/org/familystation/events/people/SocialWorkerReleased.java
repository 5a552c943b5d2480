package org.familystation.events.people;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A social worker was released from the station they were assigned to, for the reason given. */
@Revision("1")
public record SocialWorkerReleased(
        String socialWorkerId,
        String name,
        String stationId,
        String stationName,
        String reason,
        Instant releasedAt) implements SocialWorkerEvent {
}
