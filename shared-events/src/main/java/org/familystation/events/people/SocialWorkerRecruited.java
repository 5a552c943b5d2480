package org.familystation.events.people;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.SocialWorkerQualification;
import org.familystation.events.personaldata.DataSubject;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.events.personaldata.PersonalData;

import java.time.Instant;

/**
 * The operations headquarters recruited a social worker. {@code phone} and {@code qualification} are null when
 * not given; the headquarters' name is the one at the time.
 */
@Revision("1")
public record SocialWorkerRecruited(
        @DataSubject(DataSubjectKind.SOCIAL_WORKER) String socialWorkerId,
        @PersonalData String name,
        @PersonalData String phone,
        SocialWorkerQualification qualification,
        String headquartersId,
        String headquartersName,
        Instant recruitedAt) implements SocialWorkerEvent {
}
