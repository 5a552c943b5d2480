package org.familystation.events.people;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.UnitLevel;
import org.familystation.events.personaldata.DataSubject;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.events.personaldata.PersonalData;

import java.time.Instant;

/**
 * A federation staff member was registered with the unit they work at; the unit's name, level and district
 * (null above district level) are those at the time, {@code phone} is null when not given.
 */
@Revision("1")
public record FederationStaffRegistered(
        @DataSubject(DataSubjectKind.FEDERATION_STAFF) String staffId,
        @PersonalData String name,
        @PersonalData String phone,
        String unitId,
        String unitName,
        UnitLevel unitLevel,
        String district,
        Instant registeredAt) implements FederationStaffEvent {
}
