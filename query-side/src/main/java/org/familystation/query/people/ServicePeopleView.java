package org.familystation.query.people;

import org.familystation.events.common.ProviderKind;

import java.math.BigDecimal;
import java.util.List;

/**
 * The people who delivered one service: the social workers and staff it names, and the volunteers with their time
 * (named on the record, source SERVICE, or recorded against it, source HOURS). {@code volunteerMinutes} is the time
 * that counts: none when the service is voided. Names are the people's current ones.
 */
public record ServicePeopleView(
        String serviceRecordId,
        String stationId,
        String stationName,
        ProviderKind providerKind,
        boolean voided,
        List<Person> socialWorkers,
        List<Person> staff,
        List<VolunteerOnService> volunteers,
        long volunteerMinutes,
        BigDecimal volunteerHours) {

    public record Person(String id, String name) {
    }

    public record VolunteerOnService(String volunteerId, String name, String volunteerNumber, int minutes,
                                     BigDecimal hours, String source) {
    }
}
