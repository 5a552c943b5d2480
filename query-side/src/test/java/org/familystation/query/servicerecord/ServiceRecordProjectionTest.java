package org.familystation.query.servicerecord;

import org.familystation.events.common.Provider;
import org.familystation.events.common.ProviderKind;
import org.familystation.events.common.ServiceDetails;
import org.familystation.events.common.StationPoint;
import org.familystation.events.servicerecord.ServiceRecordCorrected;
import org.familystation.events.servicerecord.ServiceRecordVoided;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.familystation.events.servicerecord.ServiceRecorded;
import org.familystation.query.common.CounterParts;
import org.familystation.query.common.Deliveries;
import org.familystation.query.common.ProjectionBatches;
import org.familystation.query.common.QueryProperties;
import org.familystation.query.common.ReadStoreTest;
import org.familystation.query.common.SegmentsSideBySide;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service-record projection on the real PostgreSQL: what it writes, that a redelivered event (after a
 * crash or a segment changing hands) changes nothing, counters included, and that four segments applying their
 * batches side by side write what one segment writes.
 */
@ReadStoreTest
class ServiceRecordProjectionTest {

    /** Counters kept for processors of four segments, as the tests below apply them with up to four. */
    private static final CounterParts PARTS = new CounterParts(4);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ProjectionBatches batches;
    private final ServiceRecordProjection projection;

    private final String district = "测试区-" + UUID.randomUUID().toString().substring(0, 8);
    private final String id = UUID.randomUUID().toString();

    @Autowired
    ServiceRecordProjectionTest(JdbcTemplate jdbc, TransactionTemplate transactions, QueryProperties properties,
                                ProjectionBatches batches) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.batches = batches;
        this.projection = new ServiceRecordProjection(jdbc, properties, batches, PARTS);
    }

    private ServiceDetails details(int participants, Integer satisfaction, String deliveredAt) {
        return new ServiceDetails(StationPoint.CULTURE, "FAMILY_EDUCATION", "家庭教育",
                new Provider(ProviderKind.SOCIAL_WORKER, null, "王社工", null, null, null), Instant.parse(deliveredAt), participants,
                "家庭教育讲座", null, satisfaction, null);
    }

    private void deliver(Runnable handler, int times) {
        new Deliveries(transactions, batches).deliver(handler, times);
    }

    /** The district's counters, summed over its stations as the dashboards read them. */
    private List<Map<String, Object>> stats() {
        return jdbc.queryForList("SELECT month, sum(services) AS services, sum(participants) AS participants,"
                + " sum(satisfaction_sum) AS satisfaction_sum, sum(satisfaction_count) AS satisfaction_count"
                + " FROM rm_service_stats WHERE district = ? GROUP BY month HAVING sum(services) <> 0"
                + " ORDER BY month", district);
    }

    @Test
    void redeliveredEventsChangeNothing() {
        ServiceRecorded recorded = new ServiceRecorded(id, "station", "测试驿站", district,
                details(10, 4, "2026-10-15T02:00:00Z"), Instant.parse("2026-10-15T03:00:00Z"));
        // Corrected into November (Asia/Shanghai): the October counter goes down, November's up.
        ServiceRecordCorrected corrected = new ServiceRecordCorrected(id, "station",
                details(12, 5, "2026-10-31T16:30:00Z"), List.of("deliveredAt", "participantCount", "satisfaction"),
                "日期录错", Instant.parse("2026-11-02T03:00:00Z"));

        deliver(() -> projection.on(recorded, id, 0), 2);
        assertThat(stats()).singleElement().satisfies(row -> {
            assertThat(row.get("month")).isEqualTo("2026-10");
            assertThat(((Number) row.get("services")).longValue()).isEqualTo(1);
            assertThat(((Number) row.get("participants")).longValue()).isEqualTo(10);
        });

        deliver(() -> projection.on(corrected, id, 1), 2);
        deliver(() -> projection.on(recorded, id, 0), 1);
        assertThat(stats()).singleElement().satisfies(row -> {
            assertThat(row.get("month")).isEqualTo("2026-11");
            assertThat(((Number) row.get("services")).longValue()).isEqualTo(1);
            assertThat(((Number) row.get("participants")).longValue()).isEqualTo(12);
            assertThat(((Number) row.get("satisfaction_sum")).longValue()).isEqualTo(5);
        });
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT participant_count, correction_count, last_sequence FROM rm_service_record"
                        + " WHERE service_record_id = ?", id);
        assertThat(row).containsEntry("participant_count", 12).containsEntry("correction_count", 1)
                .containsEntry("last_sequence", 1L);

        deliver(() -> projection.on(new ServiceRecordVoided(id, "station", "重复", Instant.now()), id, 2), 2);
        assertThat(stats()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT voided FROM rm_service_record WHERE service_record_id = ?",
                Boolean.class, id)).isTrue();
    }

    @Test
    void countersAreKeptPerStationSoThatAReachBelowTheDistrictReadsItsOwnRows() {
        String other = UUID.randomUUID().toString();
        deliver(() -> projection.on(new ServiceRecorded(id, "station-a", "甲驿站", district,
                details(10, 4, "2026-10-15T02:00:00Z"), Instant.parse("2026-10-15T03:00:00Z")), id, 0), 1);
        deliver(() -> projection.on(new ServiceRecorded(other, "station-b", "乙驿站", district,
                details(3, null, "2026-10-16T02:00:00Z"), Instant.parse("2026-10-16T03:00:00Z")), other, 0), 1);

        assertThat(jdbc.queryForList("SELECT station_id, CAST(sum(services) AS BIGINT) AS services,"
                + " CAST(sum(participants) AS BIGINT) AS participants,"
                + " CAST(sum(satisfaction_count) AS BIGINT) AS satisfaction_count FROM rm_service_stats"
                + " WHERE district = ? GROUP BY station_id ORDER BY station_id", district))
                .containsExactly(
                        Map.of("station_id", "station-a", "services", 1L, "participants", 10L,
                                "satisfaction_count", 1L),
                        Map.of("station_id", "station-b", "services", 1L, "participants", 3L,
                                "satisfaction_count", 0L));
        // The district's figures are the sum of its stations' rows.
        assertThat(stats()).singleElement().satisfies(row -> {
            assertThat(((Number) row.get("services")).longValue()).isEqualTo(2);
            assertThat(((Number) row.get("participants")).longValue()).isEqualTo(13);
        });

        deliver(() -> projection.on(new ServiceRecordVoided(id, "station-a", "重复", Instant.now()), id, 1), 1);
        assertThat(jdbc.queryForList("SELECT station_id FROM rm_service_stats WHERE district = ?"
                + " GROUP BY station_id HAVING sum(services) <> 0", String.class, district)).containsExactly("station-b");
    }

    @Test
    void aRecordCountsInThePartOfItsAggregate() {
        deliver(() -> projection.on(new ServiceRecorded(id, "station", "测试驿站", district,
                details(10, 4, "2026-10-15T02:00:00Z"), Instant.parse("2026-10-15T03:00:00Z")), id, 0), 1);
        assertThat(jdbc.queryForList("SELECT part FROM rm_service_stats WHERE district = ?", Short.class, district))
                .containsExactly(PARTS.of(id));
    }

    @Test
    void fourSegmentsSideBySideWriteWhatOneSegmentWrites() throws Exception {
        List<DomainEventMessage<?>> history = history(600);
        List<Object> written = new SegmentsSideBySide(batches, transactions).assertFourWriteWhatOneWrites(projection,
                history, 50, () -> List.of(records(), counters(), stats()), this::clear);
        assertThat((List<?>) written.get(2)).as("figures").hasSize(3);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT part % 4) FROM rm_service_stats WHERE district = ?",
                Long.class, district)).as("segments that wrote counters").isEqualTo(4);
    }

    /**
     * Services at three stations of the district over three months, so that many records share each counter; every
     * fifth corrected (into another month), every eleventh voided, each soon after it was recorded.
     */
    private List<DomainEventMessage<?>> history(int services) {
        Random random = new Random(14);
        Instant start = Instant.parse("2026-08-01T02:00:00Z");
        List<DomainEventMessage<?>> history = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Map<String, Long> sequences = new HashMap<>();
        for (int i = 0; i < services; i++) {
            String record = UUID.randomUUID().toString();
            String station = "station-" + i % 3;
            ids.add(record);
            Instant delivered = start.plus(random.nextInt(90), ChronoUnit.DAYS);
            history.add(event(sequences, record, new ServiceRecorded(record, station, "测试驿站", district,
                    details(1 + random.nextInt(30), random.nextBoolean() ? null : 1 + random.nextInt(5),
                            delivered.toString()), delivered.plus(1, ChronoUnit.HOURS))));
            if (i % 5 == 4) {
                String corrected = ids.get(i - 3);
                history.add(event(sequences, corrected, new ServiceRecordCorrected(corrected,
                        "station-" + (i - 3) % 3, details(1 + random.nextInt(30), 1 + random.nextInt(5),
                        start.plus(random.nextInt(90), ChronoUnit.DAYS).toString()),
                        List.of("deliveredAt", "participantCount", "satisfaction"), "核对签到表", start)));
            }
            if (i % 11 == 10) {
                String voided = ids.get(i - 8);
                history.add(event(sequences, voided, new ServiceRecordVoided(voided, "station-" + (i - 8) % 3,
                        "重复录入", start)));
            }
        }
        return history;
    }

    private static DomainEventMessage<?> event(Map<String, Long> sequences, String aggregateId, Object payload) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        return new GenericDomainEventMessage<>("ServiceRecord", aggregateId, sequence, payload);
    }

    private List<String> records() {
        return SegmentsSideBySide.rows(jdbc, "SELECT * FROM rm_service_record WHERE district = ?", district);
    }

    private List<String> counters() {
        return SegmentsSideBySide.rows(jdbc, "SELECT * FROM rm_service_stats WHERE district = ?", district);
    }

    private void clear() {
        jdbc.update("DELETE FROM rm_service_record WHERE district = ?", district);
        jdbc.update("DELETE FROM rm_service_stats WHERE district = ?", district);
    }
}
