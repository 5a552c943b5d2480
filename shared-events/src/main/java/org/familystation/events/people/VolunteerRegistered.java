package org.familystation.events.people;

import org.axonframework.serialization.Revision;
import org.familystation.events.personaldata.DataSubject;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.events.personaldata.PersonalData;

import java.time.Instant;

/**
 * A volunteer was registered with a volunteer number unique across the city. The home unit (with its name and
 * district at the time) and the phone are null when not given.
 */
@Revision("1")
public record VolunteerRegistered(
        @DataSubject(DataSubjectKind.VOLUNTEER) String volunteerId,
        @PersonalData String name,
        String volunteerNumber,
        @PersonalData String phone,
        String homeUnitId,
        String homeUnitName,
        String district,
        Instant registeredAt) implements VolunteerEvent {
}
