package org.familystation.query.audit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.IntegrationTest;
import org.familystation.events.station.StationReopened;
import org.familystation.events.station.StationSuspended;
import org.familystation.query.common.ProcessingGroups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail's projection on the real PostgreSQL: redelivery stores once, and a replay rebuilds the trail. */
@IntegrationTest
class AuditTrailProjectionTest {

    @Autowired
    AuditTrailProjection projection;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aRedeliveredEventIsStoredOnceAndAnotherEventAtItsPositionFailsLoudly() {
        // A position far beyond the store's, removed afterwards, so the trail stays the store's.
        long index = 8_000_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        String station = UUID.randomUUID().toString();
        DomainEventMessage<StationSuspended> suspended = new GenericDomainEventMessage<>("Station", station, 3,
                new StationSuspended(station, "消防检查整改", Instant.parse("2026-11-20T06:00:00Z")),
                MetaData.with("userId", "hq").and("unitId", "operations-hq").and("correlationId", "request-1")
                        .and("causationId", "command-1"));
        TrackingToken position = new GlobalSequenceTrackingToken(index);
        try {
            for (int delivery = 0; delivery < 3; delivery++) {
                transactions.executeWithoutResult(status -> projection.on(suspended, position));
            }
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM rm_audit_event WHERE global_index = ?",
                    index);
            assertThat(rows).hasSize(1);
            Map<String, Object> row = rows.get(0);
            assertThat(row).containsEntry("event_id", suspended.getIdentifier())
                    .containsEntry("event_type", "StationSuspended")
                    .containsEntry("payload_type", StationSuspended.class.getName())
                    .containsEntry("aggregate_type", "Station").containsEntry("aggregate_id", station)
                    .containsEntry("sequence_number", 3L).containsEntry("user_id", "hq")
                    .containsEntry("unit_id", "operations-hq").containsEntry("correlation_id", "request-1")
                    .containsEntry("causation_id", "command-1").containsEntry("reason", "消防检查整改");
            assertThat(row.get("payload").toString()).contains("\"reason\":\"消防检查整改\"");

            DomainEventMessage<StationReopened> other = new GenericDomainEventMessage<>("Station", station, 4,
                    new StationReopened(station, "整改完成", Instant.now()), MetaData.emptyInstance());
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> projection.on(other, position)))
                    .isInstanceOf(DuplicateKeyException.class);
            assertThat(jdbc.queryForObject("SELECT event_id FROM rm_audit_event WHERE global_index = ?",
                    String.class, index)).isEqualTo(suspended.getIdentifier());
        } finally {
            jdbc.update("DELETE FROM rm_audit_event WHERE global_index = ?", index);
        }
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
