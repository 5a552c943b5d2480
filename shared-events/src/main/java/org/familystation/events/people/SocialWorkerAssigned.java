package org.familystation.events.people;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A social worker was assigned to an open station; names and district are those at the time. */
@Revision("1")
public record SocialWorkerAssigned(
        String socialWorkerId,
        String name,
        String stationId,
        String stationName,
        String district,
        Instant assignedAt) implements SocialWorkerEvent {
}
