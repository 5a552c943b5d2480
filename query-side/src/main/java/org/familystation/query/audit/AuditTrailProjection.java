package org.familystation.query.audit;

import org.familystation.query.common.SecretFields;

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
import org.familystation.query.common.BatchWrites;
import org.familystation.query.common.BatchedProjection;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.ProjectionBatches;
import org.familystation.query.common.Sql;
import org.familystation.query.common.Sql.ArrayColumn;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.familystation.query.common.Sql.ArrayColumn.BIGINT;
import static org.familystation.query.common.Sql.ArrayColumn.TEXT;
import static org.familystation.query.common.Sql.ArrayColumn.TIMESTAMPTZ;

/**
 * Keeps the audit trail {@code rm_audit_event}: every event of the event store, one row each, with who
 * ({@code userId}), for which unit, in which request ({@code correlationId}, {@code causationId}) and why (the
 * payload's reason) taken out into columns with indexes. Why a read model and not queries on the event store:
 * docs/design/audit-trail.md.
 */
@Component
// Batched: every event of the store, one multi-row insert per batch; a row per event, so segments side by side.
@BatchedProjection
@ProcessingGroup(ProcessingGroups.AUDIT_TRAIL)
public class AuditTrailProjection {

    /** The payload fields that say why, in the order they are looked for; the first one given is the reason. */
    static final List<String> REASON_FIELDS = List.of("reason", "reviewerNotes");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final ProjectionBatches batches;

    public AuditTrailProjection(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
                                ProjectionBatches batches) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.batches = batches;
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
        batches.writes(Writes.class, Writes::new).rows.add(new Object[]{event.getIdentifier(),
                event.getTimestamp().toString(), simpleName(payloadType), payloadType, aggregateType, aggregateId,
                sequenceNumber, text(meta, MetadataKeys.USER_ID), text(meta, MetadataKeys.UNIT_ID),
                text(meta, MetadataKeys.CORRELATION_ID), text(meta, MetadataKeys.CAUSATION_ID),
                reason(payload.getData()), SecretFields.stripped(payload.getData()), metadata});
    }

    /** The rows of a batch, inserted together ({@link ProjectionBatches#writes}). */
    private final class Writes implements BatchWrites {

        /** The types of a row's values, in the order {@link #on} collects them. */
        private static final ArrayColumn[] COLUMNS = {TEXT, TIMESTAMPTZ, TEXT, TEXT, TEXT, TEXT, BIGINT, TEXT, TEXT,
                TEXT, TEXT, TEXT, TEXT, TEXT};

        final List<Object[]> rows = new ArrayList<>();

        @Override
        public void flush() {
            if (!rows.isEmpty()) {
                insert(rows);
            }
            rows.clear();
        }

        /**
         * The key is the event's global index, read from the event store's row for its id: an event delivered again
         * inserts nothing (the store holds one row per event id and per global index, so no other event can take
         * that key), and an event the store does not hold fails loudly (and waits in the dead-letter queue) instead
         * of being dropped. The batch goes as one array per column ({@link Sql#columns}).
         */
        private void insert(List<Object[]> batch) {
            List<String> inserted = jdbc.queryForList("""
                    INSERT INTO rm_audit_event (global_index, event_id, occurred_at, event_type, payload_type,
                        aggregate_type, aggregate_id, sequence_number, user_id, unit_id, correlation_id, causation_id,
                        reason, payload, metadata)
                    SELECT stored.global_index, given.event_id, given.occurred_at, given.event_type,
                        given.payload_type, given.aggregate_type, given.aggregate_id, given.sequence_number,
                        given.user_id, given.unit_id, given.correlation_id, given.causation_id, given.reason,
                        CAST(given.payload AS JSON), CAST(given.metadata AS JSON)
                    FROM %s
                        AS given (event_id, occurred_at, event_type, payload_type, aggregate_type, aggregate_id,
                                  sequence_number, user_id, unit_id, correlation_id, causation_id, reason, payload,
                                  metadata)
                    JOIN domain_event_entry stored ON stored.event_identifier = given.event_id
                    ON CONFLICT (global_index) DO NOTHING RETURNING event_id""".formatted(Sql.unnest(COLUMNS)),
                    String.class, Sql.columns(batch, COLUMNS));
            if (inserted.size() == batch.size()) {
                return;
            }
            // Not inserted: already in the trail (delivered again), or not in the event store at all.
            Set<String> missing = new LinkedHashSet<>();
            batch.forEach(row -> missing.add((String) row[0]));
            missing.removeAll(inserted);
            missing.removeAll(jdbc.queryForList("SELECT event_identifier FROM domain_event_entry"
                    + " WHERE event_identifier = ANY(?)", String.class, (Object) missing.toArray(String[]::new)));
            if (!missing.isEmpty()) {
                throw new IllegalStateException("events not in the event store: " + missing);
            }
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
