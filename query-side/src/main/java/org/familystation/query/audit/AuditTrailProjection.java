package org.familystation.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.familystation.platform.messaging.MetadataKeys;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.Sql;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Keeps the audit trail {@code rm_audit_event}: every event of the event store, one row each, with who
 * ({@code userId}), for which unit, in which request ({@code correlationId}, {@code causationId}) and why (the
 * payload's reason) taken out into columns with indexes.
 *
 * <p>Why a read model, and not queries on the event store: those filters live inside the serialized metadata of
 * {@code domain_event_entry}. Filtering there means deserializing the whole store for every query, or indexing
 * expressions on the event table, which every command would then pay for when it appends. Here the cost is off
 * the write path, in a processor of its own. The trail is complete by construction: a streaming processor sees
 * every event of the store, it is rebuilt by a replay like any projection (the reset handler empties it), an event
 * it cannot store waits in its dead-letter queue instead of being skipped, and a redelivered event inserts nothing.
 * The history of one entity ({@code /api/history/{kind}/{id}}) keeps reading the store itself: the store's own
 * key serves it, and it is never behind.
 */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT_TRAIL)
public class AuditTrailProjection {

    /** The payload fields that say why, in the order they are looked for; the first one given is the reason. */
    static final List<String> REASON_FIELDS = List.of("reason", "reviewerNotes");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public AuditTrailProjection(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /**
     * Every event, whatever its type. The payload and metadata are kept as the store holds them (serializing a
     * message read from the store gives back its stored form), so the trail shows what was recorded, even for an
     * event type this node does not know.
     * <p>
     * The event's global index is read from the event store's own row (by its unique event id, in the same
     * statement): the tracking token cannot give it, because a token's position is the highest index seen so far,
     * and an event that commits late (filling a gap in the sequence) arrives with the position of a later event.
     */
    @EventHandler
    void on(EventMessage<?> event) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        String metadata = event.serializeMetaData(serializer, String.class).getData();
        String payloadType = payload.getType().getName();
        String aggregateType = null;
        String aggregateId = event.getIdentifier();
        long sequenceNumber = 0;
        if (event instanceof DomainEventMessage<?> domainEvent) {
            aggregateType = domainEvent.getType();
            aggregateId = domainEvent.getAggregateIdentifier();
            sequenceNumber = domainEvent.getSequenceNumber();
        } // else: stored under its own id at sequence 0, as the event store keeps an event of no aggregate
        MetaData meta = event.getMetaData();
        Object[] row = {event.getIdentifier(), Sql.timestamp(event.getTimestamp()),
                simpleName(payloadType), payloadType, aggregateType, aggregateId, sequenceNumber,
                text(meta, MetadataKeys.USER_ID), text(meta, MetadataKeys.UNIT_ID),
                text(meta, MetadataKeys.CORRELATION_ID), text(meta, MetadataKeys.CAUSATION_ID),
                reason(payload.getData()), payload.getData(), metadata, event.getIdentifier()};
        // The key is the event's id: an event delivered again inserts nothing, while a second event at the same
        // global index would fail loudly (and wait in the dead-letter queue) instead of being dropped.
        int inserted = jdbc.update("""
                INSERT INTO rm_audit_event (global_index, event_id, occurred_at, event_type, payload_type,
                    aggregate_type, aggregate_id, sequence_number, user_id, unit_id, correlation_id, causation_id,
                    reason, payload, metadata)
                SELECT stored.global_index, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSON), CAST(? AS JSON)
                FROM domain_event_entry stored WHERE stored.event_identifier = ?
                ON CONFLICT (event_id) DO NOTHING""", row);
        if (inserted == 0 && jdbc.queryForObject("SELECT count(*) FROM rm_audit_event WHERE event_id = ?",
                Long.class, event.getIdentifier()) == 0) {
            throw new IllegalStateException("event " + event.getIdentifier() + " is not in the event store");
        }
    }

    /** A replay starts from an empty trail; TRUNCATE, because the trail is as long as the event store. */
    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE rm_audit_event");
    }

    static String simpleName(String className) {
        return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }

    private static String text(MetaData metadata, String key) {
        Object value = metadata.get(key);
        return value == null ? null : value.toString();
    }

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
