package org.familystation.query.people;

import java.math.BigDecimal;
import java.time.Instant;

/** A volunteer's time on one service, with where and when the service was (as when the hours were recorded). */
public record VolunteerHoursEntry(
        String serviceRecordId,
        String stationId,
        String stationName,
        String district,
        String projectCode,
        String projectName,
        Instant deliveredAt,
        int minutes,
        BigDecimal hours,
        Instant recordedAt) {
}
