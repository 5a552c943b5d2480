package org.familystation.query.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.familystation.platform.personaldata.PersonalDataProtection;
import org.familystation.query.common.SecretFields;
import org.familystation.query.common.Sql;
import org.familystation.query.common.StoredEventRows;
import org.springframework.jdbc.core.RowMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Rows of the view {@code rm_audit_entry} (the trail's row and the event store's under the same global index) as
 * auditors read them. The stored event is read as the processors read it: through the upcasters (an event stored at
 * an older revision shows its current shape) and without deserializing its payload (an event type this node does
 * not know shows as stored). Then secret fields are taken out ({@link SecretFields}), personal values, which the
 * store keeps encrypted, are opened (or read as erased once their subject was), and the reason is read from the
 * opened payload. Payload and metadata are shown as stored, on one line each whatever the stored text's layout.
 */
final class AuditEntries implements RowMapper<AuditEntry> {

    /** The payload fields that say why, in the order they are looked for; the first one given is the reason. */
    static final List<String> REASON_FIELDS = List.of("reason", "reviewerNotes");

    /** Numbers read and written as they were stored: 2592000.000000000 stays so, not 2592000.0. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final EventSchema schema;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final PersonalDataProtection protection;

    /** @param schema the event store's columns, which the view {@code rm_audit_entry} keeps under their names */
    AuditEntries(EventSchema schema, Serializer serializer, EventUpcaster upcasters,
                 PersonalDataProtection protection) {
        this.schema = schema;
        this.serializer = serializer;
        this.upcasters = upcasters;
        this.protection = protection;
    }

    @Override
    public AuditEntry mapRow(ResultSet row, int rowNumber) throws SQLException {
        String eventId = row.getString(schema.eventIdentifierColumn());
        String payload = null;
        String metadata = null;
        String reason = null;
        if (eventId != null) { // else no event in the store under the trail's index: only a row written by hand
            TrackedDomainEventData<byte[]> stored = StoredEventRows.read(row, schema);
            Optional<? extends EventMessage<?>> read = EventUtils.upcastAndDeserializeTrackedEvents(Stream.of(stored),
                    serializer, upcasters).findFirst();
            String payloadType = stored.getPayload().getType().getName();
            String storedPayload = text(stored.getPayload().getData());
            String storedMetadata = text(stored.getMetaData().getData());
            if (read.isPresent()) { // an upcaster may drop an event: then it shows as stored
                SerializedObject<String> upcast = read.get().serializePayload(serializer, String.class);
                payloadType = upcast.getType().getName();
                storedPayload = upcast.getData();
                storedMetadata = read.get().serializeMetaData(serializer, String.class).getData();
            }
            payload = protection.openAll(payloadType, oneLine(withoutSecrets(storedPayload)));
            metadata = storedMetadata == null ? null : oneLine(storedMetadata);
            reason = reason(payload);
        }
        return new AuditEntry(row.getLong("global_index"), eventId, Sql.instant(row, "occurred_at"),
                row.getString("event_type"), row.getString("aggregate_type"), row.getString("aggregate_id"),
                row.getLong("sequence_number"), row.getString("user_id"), row.getString("unit_id"), reason,
                row.getString("correlation_id"), row.getString("causation_id"), payload, metadata);
    }

    /** The payload's reason: the first of {@link #REASON_FIELDS} that it gives as text, not blank. */
    static String reason(String payload) {
        if (!mentionsAny(payload, REASON_FIELDS)) {
            return null; // most events have no such field: no parse (an export reads every entry)
        }
        JsonNode fields = parse(payload);
        for (String field : REASON_FIELDS) {
            JsonNode value = fields.path(field);
            if (value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    /** The payload without its secret fields; parsed and written again only when it has one. */
    private static String withoutSecrets(String payload) {
        if (!mentionsAny(payload, SecretFields.NAMES)) {
            return payload;
        }
        JsonNode fields = parse(payload);
        if (fields instanceof ObjectNode object) {
            object.remove(SecretFields.NAMES);
        }
        return write(fields);
    }

    /**
     * The JSON on one line, as JSON Lines needs it (a line break inside a JSON string is always escaped, so text
     * without one is a single line already and is kept as it is); written again, compactly, only when the stored text
     * spans lines.
     */
    static String oneLine(String json) {
        return json.indexOf('\n') < 0 && json.indexOf('\r') < 0 ? json : write(parse(json));
    }

    /** Whether the JSON text has any of the names in quotes: text without one has no such field, and needs no parse. */
    private static boolean mentionsAny(String json, Collection<String> names) {
        return names.stream().anyMatch(name -> json.contains('"' + name + '"'));
    }

    private static String text(byte[] stored) {
        return stored == null ? null : new String(stored, StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException notJson) {
            throw new UncheckedIOException("a stored event's JSON does not parse", notJson);
        }
    }

    private static String write(JsonNode tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }
}
