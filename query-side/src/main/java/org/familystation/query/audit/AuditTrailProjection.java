package org.familystation.query.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
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

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.familystation.query.common.Sql.ArrayColumn.TEXT;
import static org.familystation.query.common.Sql.ArrayColumn.TIMESTAMPTZ;

/**
 * Keeps the audit trail {@code rm_audit_event}: every event of the event store, one row each, with who
 * ({@code userId}), for which unit and in which request ({@code correlationId}, {@code causationId}) taken out into
 * columns with indexes. The payload, metadata and the rest of the event stay in the store's own row under the same
 * global index, which auditors read joined to the trail's ({@link AuditEntries}). Why a read model and not queries
 * on the event store: docs/design/audit-trail.md.
 */
@Component
// Batched: every event of the store, one multi-row insert per batch; a row per event, so segments side by side.
@BatchedProjection
@ProcessingGroup(ProcessingGroups.AUDIT_TRAIL)
public class AuditTrailProjection {

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
     * Every event, whatever its type, even one this node does not know: its type is the stored type's name, read
     * without deserializing the payload (serializing a message read from the store to bytes gives back the stored
     * bytes).
     * <p>
     * The event's global index is read from the event store's own row (by its unique event id, in the same
     * statement): the tracking token cannot give it, because a token's position is the highest index seen so far,
     * and an event that commits late (filling a gap in the sequence) arrives with the position of a later event.
     */
    @EventHandler
    void on(EventMessage<?> event) {
        String payloadType = event.serializePayload(serializer, byte[].class).getType().getName();
        String aggregateType = null;
        String aggregateId = event.getIdentifier();
        if (event instanceof DomainEventMessage<?> domainEvent) {
            aggregateType = domainEvent.getType();
            aggregateId = domainEvent.getAggregateIdentifier();
        } // else: stored under its own id, as the event store keeps an event of no aggregate
        MetaData meta = event.getMetaData();
        batches.writes(Writes.class, Writes::new).rows.add(new Object[]{event.getIdentifier(),
                event.getTimestamp().toString(), simpleName(payloadType), aggregateType, aggregateId,
                text(meta, MetadataKeys.USER_ID), text(meta, MetadataKeys.UNIT_ID),
                text(meta, MetadataKeys.CORRELATION_ID), text(meta, MetadataKeys.CAUSATION_ID)});
    }

    /** The rows of a batch, inserted together ({@link ProjectionBatches#writes}). */
    private final class Writes implements BatchWrites {

        /** The types of a row's values, in the order {@link #on} collects them. */
        private static final ArrayColumn[] COLUMNS = {TEXT, TIMESTAMPTZ, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT};

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
            int inserted = jdbc.update("""
                    INSERT INTO rm_audit_event (global_index, occurred_at, event_type, aggregate_type, aggregate_id,
                        user_id, unit_id, correlation_id, causation_id)
                    SELECT stored.global_index, given.occurred_at, given.event_type, given.aggregate_type,
                        given.aggregate_id, given.user_id, given.unit_id, given.correlation_id, given.causation_id
                    FROM %s
                        AS given (event_id, occurred_at, event_type, aggregate_type, aggregate_id, user_id, unit_id,
                                  correlation_id, causation_id)
                    JOIN domain_event_entry stored ON stored.event_identifier = given.event_id
                    ON CONFLICT (global_index) DO NOTHING""".formatted(Sql.unnest(COLUMNS)),
                    Sql.columns(batch, COLUMNS));
            if (inserted == batch.size()) {
                return;
            }
            // Fewer rows: some were there already (delivered again), or some events are not in the store at all.
            Set<String> missing = new LinkedHashSet<>();
            batch.forEach(row -> missing.add((String) row[0]));
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
}
