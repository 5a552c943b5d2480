package org.familystation.query.people;

import org.familystation.app.support.IntegrationTest;
import org.familystation.events.people.VolunteerHoursRecorded;
import org.familystation.events.people.VolunteerRegistered;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The volunteer projection on the real PostgreSQL: redelivered hours never count twice. */
@IntegrationTest
class VolunteerProjectionTest {

    @Autowired
    VolunteerProjection projection;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    private final String id = UUID.randomUUID().toString();

    private void deliver(Runnable handler, int times) {
        for (int i = 0; i < times; i++) {
            transactions.executeWithoutResult(status -> handler.run());
        }
    }

    private VolunteerHoursRecorded hours(String serviceRecordId, String deliveredAt, int minutes) {
        return new VolunteerHoursRecorded(id, "陈静", "T-" + id.substring(0, 8), serviceRecordId, "station-" + id,
                "测试驿站", "测试区", "HOUSEKEEPING", "家政", Instant.parse(deliveredAt), minutes, Instant.now());
    }

    @Test
    void redeliveredHoursNeverCountTwice() {
        deliver(() -> projection.on(new VolunteerRegistered(id, "陈静", "T-" + id.substring(0, 8), null, null, null,
                null, Instant.now()), 0), 2);
        VolunteerHoursRecorded october = hours("record-1-" + id, "2026-10-31T15:00:00Z", 90);
        // 2026-10-31T16:30Z is 1 November in Nanjing.
        VolunteerHoursRecorded november = hours("record-2-" + id, "2026-10-31T16:30:00Z", 45);
        deliver(() -> projection.on(october, 1), 2);
        deliver(() -> projection.on(november, 2), 2);
        deliver(() -> projection.on(october, 1), 1);

        Map<String, Object> volunteer = jdbc.queryForMap("SELECT minutes, services FROM rm_volunteer"
                + " WHERE volunteer_id = ?", id);
        assertThat(((Number) volunteer.get("minutes")).longValue()).isEqualTo(135);
        assertThat(((Number) volunteer.get("services")).intValue()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT month, minutes, services FROM rm_volunteer_hours_stats"
                + " WHERE volunteer_id = ? ORDER BY month", id)).extracting(row -> row.get("month") + " "
                + row.get("minutes") + " " + row.get("services")).containsExactly("2026-10 90 1", "2026-11 45 1");
    }
}
