package org.familystation.events.people;

import org.axonframework.serialization.Revision;
import org.familystation.events.personaldata.DataSubject;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.events.personaldata.PersonalData;

import java.time.Instant;

/** A social worker was assigned to an open station; names and district are those at the time. */
@Revision("1")
public record SocialWorkerAssigned(
        @DataSubject(DataSubjectKind.SOCIAL_WORKER) String socialWorkerId,
        @PersonalData String name,
        String stationId,
        String stationName,
        String district,
        Instant assignedAt) implements SocialWorkerEvent {
}
