package org.familystation.query.people;

import java.math.BigDecimal;
import java.time.Instant;

/** A volunteer with the total of their recorded time: whole minutes, and the same in hours. */
public record VolunteerView(
        String volunteerId,
        String name,
        String volunteerNumber,
        String phone,
        String homeUnitId,
        String homeUnitName,
        String district,
        Instant registeredAt,
        long minutes,
        BigDecimal hours,
        int services) {
}
