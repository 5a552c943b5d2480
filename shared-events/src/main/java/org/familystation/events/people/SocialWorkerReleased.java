package org.familystation.events.people;

import org.axonframework.serialization.Revision;
import org.familystation.events.personaldata.DataSubject;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.events.personaldata.PersonalData;

import java.time.Instant;

/** A social worker was released from the station they were assigned to, for the reason given. */
@Revision("1")
public record SocialWorkerReleased(
        @DataSubject(DataSubjectKind.SOCIAL_WORKER) String socialWorkerId,
        @PersonalData String name,
        String stationId,
        String stationName,
        @PersonalData String reason,
        Instant releasedAt) implements SocialWorkerEvent {
}
