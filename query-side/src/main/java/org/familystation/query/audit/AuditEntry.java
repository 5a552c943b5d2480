package org.familystation.query.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;

/**
 * One event of the audit trail: when ({@code timestamp}, UTC), who ({@code userId}, {@code unitId}; {@code system}
 * for what the system did of itself), what (the event's type, the aggregate and its sequence number, the payload),
 * why ({@code reason}: the payload's reason, when it has one) and which request ({@code correlationId} is shared by
 * everything one request caused; {@code causationId} is the message that caused this event, such as its command).
 * Read from the trail and the event store by {@link AuditEntries}.
 *
 * @param globalIndex the event's position in the event store, which is the trail's order
 * @param payload     the payload as JSON, in its current shape, personal values opened, secret fields left out
 * @param metadata    all the event's metadata as JSON, as stored
 */
public record AuditEntry(long globalIndex, String eventId, Instant timestamp, String eventType, String aggregateType,
                         String aggregateId, long sequenceNumber, String userId, String unitId, String reason,
                         String correlationId, String causationId, @JsonRawValue String payload,
                         @JsonRawValue String metadata) {
}
