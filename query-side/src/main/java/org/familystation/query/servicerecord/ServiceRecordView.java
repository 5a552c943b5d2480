package org.familystation.query.servicerecord;

import org.familystation.events.common.ProviderKind;
import org.familystation.events.common.StationPoint;

import java.time.Instant;

/** A service record as it stands now (corrections applied). */
public record ServiceRecordView(
        String serviceRecordId,
        String stationId,
        String stationName,
        String district,
        StationPoint stationPoint,
        String stationPointLabel,
        String projectCode,
        String projectName,
        ProviderKind providerKind,
        String providerMemberId,
        String providerName,
        Instant deliveredAt,
        int participantCount,
        String description,
        String outcome,
        Integer satisfaction,
        String feedback,
        Instant recordedAt,
        int correctionCount,
        boolean voided,
        String voidReason) {
}
