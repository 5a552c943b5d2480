package org.familystation.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.familystation.events.station.StationSuspended;
import org.familystation.platform.eventstore.EventStoreConfiguration;
import org.familystation.query.common.ProjectionBatches;
import org.familystation.query.common.ReadStoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail's projection on the real PostgreSQL: redelivery stores once, at the event's own position in the
 * store, and an event the store does not hold fails loudly. (The trail rebuilt by a replay of the application's
 * processor: AuditTrailReplayTest, infra/app.)
 */
@ReadStoreTest
class AuditTrailProjectionTest {

    /** The stored format of events (without the encryption of personal values, which a suspension has none of). */
    private static final Serializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(new EventStoreConfiguration().defaultAxonObjectMapper()).build();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ProjectionBatches batches;
    private final AuditTrailProjection projection;

    @Autowired
    AuditTrailProjectionTest(JdbcTemplate jdbc, TransactionTemplate transactions, ProjectionBatches batches) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.batches = batches;
        this.projection = new AuditTrailProjection(jdbc, SERIALIZER, batches);
    }

    /** As the processor delivers an event handled alone: its collected writes applied when the handler returns. */
    private void deliver(DomainEventMessage<?> event) {
        transactions.executeWithoutResult(status -> {
            try {
                batches.alone(() -> {
                    projection.on(event);
                    return null;
                });
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static DomainEventMessage<StationSuspended> suspension() {
        String station = UUID.randomUUID().toString();
        return new GenericDomainEventMessage<>("Station", station, 3,
                new StationSuspended(station, "消防检查整改", Instant.parse("2026-11-20T06:00:00Z")),
                MetaData.with("userId", "hq").and("unitId", "hq-unit"));
    }

    /** Appends the event to the store as the event store would; its global index. */
    private long store(DomainEventMessage<?> event) {
        return jdbc.queryForObject("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                meta_data, payload, payload_type, time_stamp)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING global_index""", Long.class,
                event.getAggregateIdentifier(), event.getSequenceNumber(), event.getType(), event.getIdentifier(),
                event.serializeMetaData(SERIALIZER, byte[].class).getData(),
                event.serializePayload(SERIALIZER, byte[].class).getData(), event.getPayloadType().getName(),
                event.getTimestamp().toString());
    }

    @Test
    void aRedeliveredEventIsStoredOnceAtItsOwnPosition() {
        DomainEventMessage<StationSuspended> event = suspension();
        long index = store(event);

        for (int delivery = 0; delivery < 3; delivery++) {
            deliver(event);
        }
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM rm_audit_event WHERE event_id = ?",
                event.getIdentifier());
        assertThat(rows).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("global_index", index)
                .containsEntry("event_type", "StationSuspended")
                .containsEntry("payload_type", StationSuspended.class.getName())
                .containsEntry("aggregate_type", "Station")
                .containsEntry("aggregate_id", event.getAggregateIdentifier())
                .containsEntry("sequence_number", 3L)
                .containsEntry("user_id", "hq")
                .containsEntry("unit_id", "hq-unit")
                .containsEntry("reason", "消防检查整改"));
    }

    @Test
    void anEventNotInTheStoreFailsLoudly() {
        DomainEventMessage<StationSuspended> notStored = suspension();
        assertThatThrownBy(() -> deliver(notStored))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(notStored.getIdentifier());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_audit_event WHERE event_id = ?", Long.class,
                notStored.getIdentifier())).isZero();
    }
}
