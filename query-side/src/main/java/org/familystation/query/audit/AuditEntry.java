package org.familystation.query.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.familystation.platform.personaldata.PersonalDataProtection;

import java.time.Instant;

/**
 * One event of the audit trail: when ({@code timestamp}, UTC), who ({@code userId}, {@code unitId}; {@code system}
 * for what the system did of itself), what (the event's type, the aggregate and its sequence number, the payload),
 * why ({@code reason}: the payload's reason, when it has one) and which request ({@code correlationId} is shared by
 * everything one request caused; {@code causationId} is the message that caused this event, such as its command).
 *
 * @param globalIndex the event's position in the event store, which is the trail's order
 * @param payload     the payload as JSON, as stored
 * @param metadata    all the event's metadata as JSON, as stored
 */
public record AuditEntry(long globalIndex, String eventId, Instant timestamp, String eventType, String aggregateType,
                         String aggregateId, long sequenceNumber, String userId, String unitId, String reason,
                         String correlationId, String causationId, @JsonRawValue String payload,
                         @JsonRawValue String metadata) {

    /**
     * The entry as auditors read it: the trail keeps personal values as the event store does, encrypted, and they
     * are decrypted here, or read as erased once their subject was (plain values of events stored before
     * encryption too); the reason is the opened payload's.
     */
    AuditEntry opened(PersonalDataProtection protection, String payloadType) {
        String opened = protection.openAll(payloadType, payload);
        return new AuditEntry(globalIndex, eventId, timestamp, eventType, aggregateType, aggregateId, sequenceNumber,
                userId, unitId, reason == null ? null : AuditTrailProjection.reason(opened), correlationId,
                causationId, opened, metadata);
    }
}
