package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service-record projection writes a batch's records in one insert and its counters in one upsert per counter
 * row (ProjectionBatches#writes). Whatever the batches the processor happens to form, the counters must equal what
 * the records say, at every commit: services, participants and ratings per district, station point, project and
 * month (Asia/Shanghai) of the records not voided. And a record the table refuses is parked alone: the rest of its
 * batch is written and counted, and the other processing groups of its family (read-models), which handle the same
 * events in the same batch transaction, apply it. Through the application (its commands, processor and dead-letter
 * queue), so here rather than beside the projection in query-side.
 */
class ServiceRecordBatchesTest extends ApplicationTest {

    private static final String FAULT = "rm_service_record_batch_test";
    private static final String SERVICES = "service-records";

    @AfterEach
    void removeFault() {
        jdbc.update("ALTER TABLE rm_service_record DROP CONSTRAINT IF EXISTS " + FAULT);
    }

    @Test
    void countersEqualTheRecordsWhateverTheBatches() throws Exception {
        String station = scenario.openStation("批量写入家庭驿站", "浦口区");
        scenario.socialWorkerAt(station); // assigned before the clients record at once
        Instant now = Instant.now();
        // Many clients at once, so that the processor forms batches of several records, corrections and voids.
        List<String> records = concurrently(40, i -> record(station, now.minus(i * 9L, ChronoUnit.DAYS),
                "批量写入测试" + i, i % 5 == 0 ? null : 1 + i % 5));
        concurrently(10, i -> {
            Api.Response corrected = api.post("worker", "/api/service-records/" + records.get(i) + "/corrections",
                    "{\"changes\": {\"participantCount\": " + (30 + i) + ", \"deliveredAt\": \""
                            + now.minus(200 + i, ChronoUnit.DAYS) + "\"}, \"reason\": \"核对签到表\"}");
            assertThat(corrected.status()).as(corrected.toString()).isEqualTo(204);
            return null;
        });
        concurrently(5, i -> {
            Api.Response voided = api.post("worker", "/api/service-records/" + records.get(10 + 2 * i) + "/voiding",
                    "{\"reason\": \"重复录入\"}");
            assertThat(voided.status()).as(voided.toString()).isEqualTo(204);
            return null;
        });

        Eventually.assertThat(() -> {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_service_record WHERE service_record_id = ANY(?)",
                    Long.class, (Object) records.toArray(String[]::new))).isEqualTo(40);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_service_record WHERE service_record_id = ANY(?)"
                    + " AND voided", Long.class, (Object) records.toArray(String[]::new))).isEqualTo(5);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_service_record WHERE service_record_id = ANY(?)"
                    + " AND correction_count = 1", Long.class, (Object) records.toArray(String[]::new))).isEqualTo(10);
        });
        assertCountersEqualRecords();
    }

    @Test
    void aRecordTheTableRefusesIsParkedAloneAndTheRestOfItsBatchIsWrittenAndCounted() throws Exception {
        String station = scenario.openStation("故障隔离家庭驿站", "六合区");
        scenario.socialWorkerAt(station); // assigned before the clients record at once
        jdbc.update("ALTER TABLE rm_service_record ADD CONSTRAINT " + FAULT
                + " CHECK (description NOT LIKE '故障%') NOT VALID");
        Instant now = Instant.now();
        List<String> records = concurrently(12, i -> record(station, now.minus(i, ChronoUnit.DAYS),
                i == 5 ? "故障记录" : "正常记录" + i, 4));
        String faulty = records.get(5);
        List<String> healthy = new ArrayList<>(records);
        healthy.remove(faulty);

        Eventually.assertThat(() -> {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_service_record WHERE service_record_id = ANY(?)",
                    Long.class, (Object) healthy.toArray(String[]::new))).isEqualTo(11);
            assertThat(letterOf(faulty)).isNotNull();
        });
        assertThat(jdbc.queryForList("SELECT 1 FROM rm_service_record WHERE service_record_id = ?", faulty)).isEmpty();
        assertCountersEqualRecords();
        // Its siblings in the family applied the same event (the people a service names, in the people group) and
        // the rest of the batch; the letter is parked in the service records' queue alone.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_service_people WHERE service_record_id = ANY(?)",
                Long.class, (Object) records.toArray(String[]::new))).isEqualTo(12);
        JsonNode letter = letterOf(faulty);
        assertThat(letter.path("processingGroup").asText()).isEqualTo(SERVICES);
        assertThat(letter.path("processor").asText()).isEqualTo("read-models");
        assertThat(jdbc.queryForList("SELECT processing_group FROM dead_letter_entry WHERE aggregate_identifier = ?",
                String.class, faulty)).containsExactly(SERVICES);

        removeFault();
        String eventId = letterOf(faulty).path("eventId").asText();
        Api.Response retry = api.post("admin", "/api/admin/dead-letters/" + SERVICES + "/" + eventId + "/retry", null);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(jdbc.queryForList("SELECT 1 FROM rm_service_record WHERE service_record_id = ?", faulty))
                .hasSize(1);
        assertCountersEqualRecords();
    }

    /** Every counter (its parts summed) equals the records it counts, and every record's key has its counter. */
    private void assertCountersEqualRecords() {
        List<String> differences = jdbc.queryForList("""
                WITH counted AS (
                    SELECT station_id, district, station_point, project_code,
                           to_char(delivered_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
                           count(*) AS services, sum(participant_count) AS participants,
                           coalesce(sum(satisfaction), 0) AS satisfaction_sum, count(satisfaction) AS satisfaction_count
                    FROM rm_service_record WHERE NOT voided
                    GROUP BY 1, 2, 3, 4, 5)
                SELECT coalesce(s.station_id, c.station_id) || ' ' || coalesce(s.district, c.district) || ' ' || coalesce(s.station_point, c.station_point) || ' '
                       || coalesce(s.project_code, c.project_code) || ' ' || coalesce(s.month, c.month)
                FROM (SELECT station_id, district, station_point, project_code, month, sum(services) AS services,
                             sum(participants) AS participants, sum(satisfaction_sum) AS satisfaction_sum,
                             sum(satisfaction_count) AS satisfaction_count
                      FROM rm_service_stats GROUP BY station_id, district, station_point, project_code, month
                      HAVING sum(services) <> 0) s
                FULL JOIN counted c ON s.station_id = c.station_id AND s.district = c.district
                    AND s.station_point = c.station_point
                    AND s.project_code = c.project_code AND s.month = c.month
                WHERE s.services IS DISTINCT FROM c.services OR s.participants IS DISTINCT FROM c.participants
                   OR s.satisfaction_sum IS DISTINCT FROM c.satisfaction_sum
                   OR s.satisfaction_count IS DISTINCT FROM c.satisfaction_count""", String.class);
        assertThat(differences).as("counter rows that differ from the records").isEmpty();
    }

    private String record(String station, Instant deliveredAt, String description, Integer satisfaction) {
        Api.Response response = api.post("worker", "/api/stations/" + station + "/service-records", """
                {"stationPoint": "CULTURE", "projectCode": "FAMILY_EDUCATION", "providerKind": "SOCIAL_WORKER",
                 "socialWorkerIds": ["%s"], "deliveredAt": "%s", "participantCount": %d, "description": "%s"%s}"""
                .formatted(scenario.socialWorkerAt(station), deliveredAt, 5 + description.length(), description,
                        satisfaction == null ? "" : ", \"satisfaction\": " + satisfaction));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.id();
    }

    private JsonNode letterOf(String aggregateId) {
        Api.Response response = api.get("admin", "/api/admin/dead-letters?processor=" + SERVICES);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        for (JsonNode letter : response.body()) {
            if (letter.path("aggregateId").asText().equals(aggregateId)) {
                return letter;
            }
        }
        throw new AssertionError("no dead letter of " + aggregateId + " in " + response.body());
    }

    private interface Numbered<T> {
        T call(int i) throws Exception;
    }

    /** Runs {@code count} calls at once, on 8 threads; their answers in the order of their numbers. */
    private static <T> List<T> concurrently(int count, Numbered<T> call) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int number = i;
                futures.add(clients.submit(() -> call.call(number)));
            }
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get());
            }
            return Collections.unmodifiableList(answers);
        } finally {
            clients.shutdownNow();
        }
    }
}
