package org.familystation.query.asof;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.familystation.query.common.StoredEventRows;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the events of some types that were recorded up to an instant, in the order they were appended (global
 * index), deserialized through Axon's event serializer and upcaster chain exactly as the event store would. Why SQL
 * of our own, and why no index on time: docs/design/as-of-reads.md.
 */
@Component
class EventsUpTo {

    private static final int FETCH_SIZE = 1_000;
    private static final int AGGREGATES_PER_READ = 500;

    /** An event that counts: its position in the store, when it was recorded, and its payload. */
    interface Sink {
        void accept(long globalIndex, Instant recordedAt, Object payload);
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final Serializer serializer;
    private final org.axonframework.config.Configuration axon;
    private final EventSchema schema;

    EventsUpTo(JdbcTemplate jdbc, PlatformTransactionManager transactions,
               @Qualifier("eventSerializer") Serializer serializer, org.axonframework.config.Configuration axon,
               EventSchema schema) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.serializer = serializer;
        this.axon = axon;
        this.schema = schema;
    }

    /**
     * Feeds {@code sink} every event of {@code types} after global index {@code after}, up to {@code upTo} (null:
     * to the end) and recorded at or before {@code through} (null: whenever). A range from a snapshot's position
     * reads only the rows past it (the primary key on the global index), not the table.
     */
    void read(long after, Long upTo, Instant through, Collection<Class<?>> types, Sink sink) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(after);
        if (upTo != null) {
            parameters.add(upTo);
        }
        if (through != null) {
            parameters.add(DateTimeUtils.formatInstant(through));
        }
        read(schema.globalIndexColumn() + " > ?"
                + (upTo == null ? "" : " AND " + schema.globalIndexColumn() + " <= ?")
                + (through == null ? "" : " AND " + schema.timestampColumn() + " <= ?"), parameters, types, sink);
    }

    /**
     * Feeds {@code sink} the events of {@code types} of the aggregates {@code aggregateIds} up to global index
     * {@code upTo}: what a snapshot at {@code upTo} folded of them (the aggregate's index, not the table).
     */
    void readAggregates(Collection<String> aggregateIds, long upTo, Collection<Class<?>> types, Sink sink) {
        List<String> ids = List.copyOf(aggregateIds);
        for (int from = 0; from < ids.size(); from += AGGREGATES_PER_READ) {
            List<String> some = ids.subList(from, Math.min(ids.size(), from + AGGREGATES_PER_READ));
            List<Object> parameters = new ArrayList<>(some);
            parameters.add(upTo);
            read(schema.aggregateIdentifierColumn() + " IN (" + marks(some.size()) + ") AND "
                    + schema.globalIndexColumn() + " <= ?", parameters, types, sink);
        }
    }

    private void read(String where, List<Object> parameters, Collection<Class<?>> types, Sink sink) {
        String sql = "SELECT " + String.join(", ", schema.globalIndexColumn(), schema.typeColumn(),
                schema.aggregateIdentifierColumn(), schema.sequenceNumberColumn(), schema.eventIdentifierColumn(),
                schema.timestampColumn(), schema.payloadTypeColumn(), schema.payloadRevisionColumn(),
                schema.payloadColumn(), schema.metaDataColumn())
                + " FROM " + schema.domainEventTable()
                + " WHERE " + where
                + " AND " + schema.payloadTypeColumn() + " IN (" + marks(types.size()) + ")"
                + " ORDER BY " + schema.globalIndexColumn();
        List<Object> all = new ArrayList<>(parameters);
        types.forEach(type -> all.add(type.getName()));
        readOnly.executeWithoutResult(status -> {
            try (Stream<TrackedEventData<?>> rows = jdbc.queryForStream(connection -> {
                PreparedStatement statement = connection.prepareStatement(sql);
                statement.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < all.size(); i++) {
                    statement.setObject(i + 1, all.get(i));
                }
                return statement;
            }, (row, index) -> StoredEventRows.read(row, schema))) {
                EventUtils.upcastAndDeserializeTrackedEvents(rows, serializer, axon.upcasterChain())
                        .forEach(event -> sink.accept(globalIndex(event), event.getTimestamp(), event.getPayload()));
            }
        });
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static long globalIndex(TrackedEventMessage<?> event) {
        return ((GlobalSequenceTrackingToken) event.trackingToken()).getGlobalIndex();
    }
}
