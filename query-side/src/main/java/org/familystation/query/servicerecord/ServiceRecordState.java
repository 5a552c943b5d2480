package org.familystation.query.servicerecord;

import org.familystation.events.common.ServiceDetails;

import java.time.Instant;

/**
 * A service record as its events leave it ({@link ServiceRecordFold}): what {@code rm_service_record} holds of it,
 * and what the network as of a date counts of it. Of the provider, the row holds who it was (kind, member and name),
 * not the people named.
 *
 * @param details         as recorded, or as last corrected
 * @param correctionCount how many times it was corrected
 */
public record ServiceRecordState(
        String serviceRecordId,
        String stationId,
        String stationName,
        String district,
        ServiceDetails details,
        Instant recordedAt,
        int correctionCount,
        boolean voided,
        String voidReason) {
}
