package org.familystation.events.people;

import org.axonframework.serialization.Revision;
import org.familystation.events.personaldata.DataSubject;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.events.personaldata.PersonalData;

import java.time.Instant;

/**
 * A volunteer's time helping to deliver a recorded service, in whole minutes. Station, district, project and
 * delivery time are the service record's at the time the hours were recorded.
 */
@Revision("1")
public record VolunteerHoursRecorded(
        @DataSubject(DataSubjectKind.VOLUNTEER) String volunteerId,
        @PersonalData String volunteerName,
        String volunteerNumber,
        String serviceRecordId,
        String stationId,
        String stationName,
        String district,
        String projectCode,
        String projectName,
        Instant deliveredAt,
        int minutes,
        Instant recordedAt) implements VolunteerEvent {
}
