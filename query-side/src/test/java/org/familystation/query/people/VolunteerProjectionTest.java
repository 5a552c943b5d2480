package org.familystation.query.people;

import org.familystation.events.common.Provider;
import org.familystation.events.common.ProviderKind;
import org.familystation.events.common.ServiceDetails;
import org.familystation.events.common.StationPoint;
import org.familystation.events.common.VolunteerTime;
import org.familystation.events.people.VolunteerHoursRecorded;
import org.familystation.events.people.VolunteerRegistered;
import org.familystation.events.servicerecord.ServiceRecordVoided;
import org.familystation.events.servicerecord.ServiceRecorded;
import org.familystation.query.common.QueryProperties;
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

/** The volunteer projection on the real PostgreSQL: redelivered hours never count twice. */
@ReadStoreTest
class VolunteerProjectionTest {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final VolunteerProjection projection;
    private final ServicePeopleProjection services;

    private final String id = UUID.randomUUID().toString();

    @Autowired
    VolunteerProjectionTest(JdbcTemplate jdbc, TransactionTemplate transactions, QueryProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        VolunteerTotals totals = new VolunteerTotals(jdbc);
        this.projection = new VolunteerProjection(jdbc, properties, totals);
        this.services = new ServicePeopleProjection(jdbc, properties, totals);
    }

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
        deliver(() -> projection.on(october), 2);
        deliver(() -> projection.on(november), 2);
        deliver(() -> projection.on(october), 1);

        Map<String, Object> volunteer = jdbc.queryForMap("SELECT minutes, services FROM rm_volunteer"
                + " WHERE volunteer_id = ?", id);
        assertThat(((Number) volunteer.get("minutes")).longValue()).isEqualTo(135);
        assertThat(((Number) volunteer.get("services")).intValue()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT month, minutes, services FROM rm_volunteer_hours_stats"
                + " WHERE volunteer_id = ? ORDER BY month", id)).extracting(row -> row.get("month") + " "
                + row.get("minutes") + " " + row.get("services")).containsExactly("2026-10 90 1", "2026-11 45 1");
    }

    /**
     * The service's events and the volunteer's belong to different aggregates, so they may arrive in any order:
     * here time named on a service and time recorded against it arrive before the volunteer's registration, and the
     * voiding before the recorded time; every total ends as if they had come in order, and redelivery changes
     * nothing.
     */
    @Test
    void aVoidedServiceCountsInNoTotalWhateverOrderItsEventsArriveIn() {
        String record = "record-void-" + id;
        Instant delivered = Instant.parse("2026-09-10T02:00:00Z");
        ServiceRecorded recorded = new ServiceRecorded(record, "station-" + id, "测试驿站", "测试区",
                new ServiceDetails(StationPoint.CONVENIENCE, "HOUSEKEEPING", "家政", new Provider(ProviderKind.VOLUNTEERS,
                        null, null, List.of(), List.of(), List.of(new VolunteerTime(id, 30))), delivered, 3, "上门家政",
                        null, null, null), Instant.now());
        deliver(() -> services.on(recorded, 0), 2);
        assertThat(jdbc.queryForObject("SELECT minutes FROM rm_volunteer_hours_stats WHERE volunteer_id = ?",
                Long.class, id)).isEqualTo(30);

        deliver(() -> services.on(new ServiceRecordVoided(record, "station-" + id, "重复录入", Instant.now()), 1), 2);
        deliver(() -> projection.on(hours(record, "2026-09-10T02:00:00Z", 60)), 2);
        deliver(() -> projection.on(new VolunteerRegistered(id, "陈静", "T-" + id.substring(0, 8), null, null, null,
                null, Instant.now()), 0), 2);

        Map<String, Object> volunteer = jdbc.queryForMap("SELECT minutes, services FROM rm_volunteer"
                + " WHERE volunteer_id = ?", id);
        assertThat(((Number) volunteer.get("minutes")).longValue()).isZero();
        assertThat(((Number) volunteer.get("services")).intValue()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_volunteer_hours_stats WHERE volunteer_id = ?",
                Long.class, id)).isZero();
        assertThat(jdbc.queryForList("SELECT source FROM rm_volunteer_hours WHERE volunteer_id = ? AND voided"
                + " ORDER BY source", String.class, id)).containsExactly("HOURS", "SERVICE");
    }
}
