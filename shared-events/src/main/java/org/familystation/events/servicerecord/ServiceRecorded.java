package org.familystation.events.servicerecord;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.ServiceDetails;

import java.time.Instant;

/** A service was delivered at a station and recorded; station name and district are those at the time. */
@Revision("2")
public record ServiceRecorded(
        String serviceRecordId,
        String stationId,
        String stationName,
        String district,
        ServiceDetails details,
        Instant recordedAt) implements ServiceRecordEvent {
}
