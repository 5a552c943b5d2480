package org.familystation.query.audit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.familystation.events.station.StationSuspended;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.ProjectionBatches;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail's projection on the real PostgreSQL: redelivery stores once, and a replay rebuilds the trail. */
class AuditTrailProjectionTest extends ApplicationTest {

    @Autowired
    AuditTrailProjection projection;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;
    @Autowired
    ProjectionBatches batches;

    /** As the processor delivers an event handled alone: its collected writes applied when the handler returns. */
    private void alone(Runnable handler) {
        try {
            batches.alone(() -> {
                handler.run();
                return null;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRedeliveredEventIsStoredOnceAtItsOwnPositionAndAnEventNotInTheStoreFailsLoudly() {
        Map<String, Object> stored = jdbc.queryForMap("""
                SELECT aggregate_identifier, event_identifier, global_index, type, payload_type
                FROM domain_event_entry WHERE type IS NOT NULL ORDER BY global_index LIMIT 1""");
        String eventId = (String) stored.get("event_identifier");
        long index = ((Number) stored.get("global_index")).longValue();
        DomainEventMessage<?> event = eventStore.readEvents((String) stored.get("aggregate_identifier")).asStream()
                .filter(message -> message.getIdentifier().equals(eventId)).findFirst().orElseThrow();
        Eventually.assertThat(() -> assertThat(jdbc.queryForList("SELECT 1 FROM rm_audit_event WHERE event_id = ?",
                eventId)).hasSize(1));
        Map<String, Object> live = jdbc.queryForMap("SELECT * FROM rm_audit_event WHERE event_id = ?", eventId);

        // Delivered again and again (the live processor delivered it once already): one row, at the store's index.
        jdbc.update("DELETE FROM rm_audit_event WHERE event_id = ?", eventId);
        for (int delivery = 0; delivery < 3; delivery++) {
            transactions.executeWithoutResult(status -> alone(() -> projection.on(event)));
        }
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM rm_audit_event WHERE event_id = ?",
                eventId);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("global_index", index)
                .containsEntry("payload_type", stored.get("payload_type"))
                .containsEntry("aggregate_type", stored.get("type")).isEqualTo(live);

        String station = UUID.randomUUID().toString();
        DomainEventMessage<StationSuspended> notStored = new GenericDomainEventMessage<>("Station", station, 3,
                new StationSuspended(station, "消防检查整改", Instant.parse("2026-11-20T06:00:00Z")),
                MetaData.with("userId", "hq"));
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> alone(() -> projection.on(notStored))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(notStored.getIdentifier());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_audit_event WHERE event_id = ?", Long.class,
                notStored.getIdentifier())).isZero();
    }

    @Test
    void aReplayEmptiesTheTrailAndRebuildsItTheSame() {
        long lastIndex = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry",
                Long.class);
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index <= ?",
                Long.class, lastIndex);
        Eventually.assertThat(() -> assertThat(trail(lastIndex)).hasSize((int) events));
        List<Map<String, Object>> before = trail(lastIndex);

        StreamingEventProcessor processor = processing.eventProcessor(ProcessingGroups.AUDIT_TRAIL,
                StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_audit_event", Long.class)).isZero();
        long started = System.nanoTime();
        processor.start();
        Eventually.assertThat(() -> assertThat(trail(lastIndex)).hasSize((int) events));
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(trail(lastIndex)).isEqualTo(before);
        System.out.printf("Audit trail replay: %d events in %.2f s (%.0f events/s, measured by polling)%n", events,
                seconds, events / seconds);
    }

    private List<Map<String, Object>> trail(long lastIndex) {
        return jdbc.queryForList("SELECT * FROM rm_audit_event WHERE global_index <= ? ORDER BY global_index",
                lastIndex);
    }
}
