package org.familystation.events.servicerecord;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A service record was declared void (it should not have been recorded), for the reason given. */
@Revision("1")
public record ServiceRecordVoided(
        String serviceRecordId,
        String stationId,
        String reason,
        Instant voidedAt) implements ServiceRecordEvent {
}
