package org.familystation.app;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.familystation.query.common.ProcessingGroups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail rebuilt by a replay of the application's processor equals the live one. (What its projection
 * writes for an event, and for one redelivered: AuditTrailProjectionTest, query-side.)
 */
class AuditTrailReplayTest extends ApplicationTest {

    @Autowired
    EventProcessingConfiguration processing;

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
