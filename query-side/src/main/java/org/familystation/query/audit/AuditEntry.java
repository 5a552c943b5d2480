package org.familystation.query.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.familystation.platform.personaldata.PersonalDataProtection;
import org.familystation.query.common.SecretFields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * One event of the audit trail: when ({@code timestamp}, UTC), who ({@code userId}, {@code unitId}; {@code system}
 * for what the system did of itself), what (the event's type, the aggregate and its sequence number, the payload),
 * why ({@code reason}: the payload's reason, when it has one) and which request ({@code correlationId} is shared by
 * everything one request caused; {@code causationId} is the message that caused this event, such as its command).
 *
 * @param globalIndex the event's position in the event store, which is the trail's order
 * @param payload     the payload as JSON, as stored, without its secret fields ({@link SecretFields})
 * @param metadata    all the event's metadata as JSON, as stored
 */
public record AuditEntry(long globalIndex, String eventId, Instant timestamp, String eventType, String aggregateType,
                         String aggregateId, long sequenceNumber, String userId, String unitId, String reason,
                         String correlationId, String causationId, @JsonRawValue String payload,
                         @JsonRawValue String metadata) {

    /** The payload fields that say why, in the order they are looked for; the first one given is the reason. */
    static final List<String> REASON_FIELDS = List.of("reason", "reviewerNotes");

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The entry as auditors read it, from a row of {@code rm_audit_entry} (the trail's columns, and the payload and
     * metadata of the store's row): secret fields taken out of the payload; personal values, which the store keeps
     * encrypted, decrypted, or read as erased once their subject was (plain values of events stored before
     * encryption too); and the reason read from the opened payload.
     */
    static AuditEntry opened(long globalIndex, String eventId, Instant timestamp, String eventType,
                             String payloadType, String aggregateType, String aggregateId, long sequenceNumber,
                             String userId, String unitId, String correlationId, String causationId, String payload,
                             String metadata, PersonalDataProtection protection) {
        String opened = payload == null ? null : protection.openAll(payloadType, SecretFields.stripped(payload));
        return new AuditEntry(globalIndex, eventId, timestamp, eventType, aggregateType, aggregateId, sequenceNumber,
                userId, unitId, opened == null ? null : reason(opened), correlationId, causationId, opened, metadata);
    }

    /** The payload's reason: the first of {@link #REASON_FIELDS} that it gives as text, not blank. */
    static String reason(String payload) {
        JsonNode fields;
        try {
            fields = JSON.readTree(payload);
        } catch (IOException notJson) {
            throw new UncheckedIOException("an event payload is not JSON", notJson);
        }
        for (String field : REASON_FIELDS) {
            JsonNode value = fields.path(field);
            if (value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }
}
