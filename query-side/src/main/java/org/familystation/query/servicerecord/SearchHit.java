package org.familystation.query.servicerecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One service record found by a search, with the matching passages marked ({@code <em>…</em>}). */
public record SearchHit(
        String serviceRecordId,
        String stationId,
        String stationName,
        String district,
        String stationPoint,
        String projectCode,
        String projectName,
        String providerName,
        Instant deliveredAt,
        Integer participantCount,
        Integer satisfaction,
        String description,
        Map<String, List<String>> highlights,
        Double score) {
}
