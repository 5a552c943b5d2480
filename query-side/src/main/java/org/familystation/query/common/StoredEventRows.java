package org.familystation.query.common;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.familystation.platform.serialization.StoredInstants;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A row of the event store's table (or of a view with its columns, such as the audit trail's entries), read as Axon's
 * JDBC storage engine reads it, for queries of our own that then upcast and deserialize it through Axon
 * ({@code EventUtils.upcastAndDeserializeTrackedEvents}).
 */
public final class StoredEventRows {

    private StoredEventRows() {
    }

    public static TrackedDomainEventData<byte[]> read(ResultSet row, EventSchema schema) throws SQLException {
        String aggregateIdentifier = row.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = row.getString(schema.eventIdentifierColumn());
        String timestamp = row.getString(schema.timestampColumn());
        return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(row.getLong(schema.globalIndexColumn())),
                // An event of no aggregate is stored under its own id, as the storage engine writes it.
                new GenericDomainEventEntry<>(row.getString(schema.typeColumn()),
                        eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                        row.getLong(schema.sequenceNumberColumn()), eventIdentifier, timestamp,
                        row.getString(schema.payloadTypeColumn()), row.getString(schema.payloadRevisionColumn()),
                        row.getBytes(schema.payloadColumn()), row.getBytes(schema.metaDataColumn())) {
                    // Axon's parser of the stored time was a fifth of an answer's CPU (BENCHMARKS.md).
                    @Override
                    public Instant getTimestamp() {
                        Instant parsed = StoredInstants.parseUtc(timestamp);
                        return parsed != null ? parsed : super.getTimestamp();
                    }
                });
    }
}
