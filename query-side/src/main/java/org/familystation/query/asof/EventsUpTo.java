package org.familystation.query.asof;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.PreparedStatement;
import java.time.Instant;
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
        String sql = "SELECT " + String.join(", ", schema.globalIndexColumn(), schema.typeColumn(),
                schema.aggregateIdentifierColumn(), schema.sequenceNumberColumn(), schema.eventIdentifierColumn(),
                schema.timestampColumn(), schema.payloadTypeColumn(), schema.payloadRevisionColumn(),
                schema.payloadColumn(), schema.metaDataColumn())
                + " FROM " + schema.domainEventTable()
                + " WHERE " + schema.globalIndexColumn() + " > ?"
                + (upTo == null ? "" : " AND " + schema.globalIndexColumn() + " <= ?")
                + (through == null ? "" : " AND " + schema.timestampColumn() + " <= ?")
                + " AND " + schema.payloadTypeColumn() + " IN (" + String.join(", ", Collections.nCopies(types.size(), "?")) + ")"
                + " ORDER BY " + schema.globalIndexColumn();
        List<String> typeNames = types.stream().map(Class::getName).toList();
        readOnly.executeWithoutResult(status -> {
            try (Stream<TrackedEventData<?>> rows = jdbc.queryForStream(connection -> {
                PreparedStatement statement = connection.prepareStatement(sql);
                statement.setFetchSize(FETCH_SIZE);
                int parameter = 1;
                statement.setLong(parameter++, after);
                if (upTo != null) {
                    statement.setLong(parameter++, upTo);
                }
                if (through != null) {
                    statement.setString(parameter++, DateTimeUtils.formatInstant(through));
                }
                for (String typeName : typeNames) {
                    statement.setString(parameter++, typeName);
                }
                return statement;
            }, (row, index) -> {
                String aggregateIdentifier = row.getString(schema.aggregateIdentifierColumn());
                String eventIdentifier = row.getString(schema.eventIdentifierColumn());
                return new TrackedDomainEventData<>(
                        new GlobalSequenceTrackingToken(row.getLong(schema.globalIndexColumn())),
                        new GenericDomainEventEntry<>(row.getString(schema.typeColumn()),
                                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                                row.getLong(schema.sequenceNumberColumn()), eventIdentifier,
                                row.getString(schema.timestampColumn()), row.getString(schema.payloadTypeColumn()),
                                row.getString(schema.payloadRevisionColumn()),
                                row.getBytes(schema.payloadColumn()), row.getBytes(schema.metaDataColumn())));
            })) {
                EventUtils.upcastAndDeserializeTrackedEvents(rows, serializer, axon.upcasterChain())
                        .forEach(event -> sink.accept(globalIndex(event), event.getTimestamp(), event.getPayload()));
            }
        });
    }

    private static long globalIndex(TrackedEventMessage<?> event) {
        return ((GlobalSequenceTrackingToken) event.trackingToken()).getGlobalIndex();
    }
}
