package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail reads payloads from the event store as bytes and decodes them as the store's readers do. A stored
 * payload that is not valid UTF-8 (a lone surrogate, U+D800, as Jackson's generator writes it: ED A0 80; the fuzzed
 * commands of CommandBodyFuzzTest can leave one in the store) shows U+FFFD in its place, in pages and exports alike,
 * where PostgreSQL's strict decoding would fail the export halfway. A class of its own: its suspension would be one
 * more in AuditTrailTest's filters.
 */
class AuditTrailEncodingTest extends ApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPayloadWhoseBytesAreNotUtf8IsShownAsTheStoreReadsIt() throws IOException, InterruptedException {
        String station = scenario.openStation("编码测试家庭驿站", "玄武区");
        long next = jdbc.queryForObject("SELECT max(sequence_number) + 1 FROM domain_event_entry"
                + " WHERE aggregate_identifier = ?", Long.class, station);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.write(("{\"stationId\":\"" + station + "\",\"reason\":\"整改").getBytes(StandardCharsets.UTF_8));
        payload.write(new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        payload.write(("\",\"suspendedAt\":\"" + now + "\"}").getBytes(StandardCharsets.UTF_8));
        jdbc.update("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                VALUES (?, ?, 'Station', ?, ?, ?, '1', 'org.familystation.events.station.StationSuspended', ?)""",
                station, next, UUID.randomUUID().toString(), "{\"userId\":\"hq\"}".getBytes(StandardCharsets.UTF_8),
                payload.toByteArray(), now.toString());
        String reason = new String(payload.toByteArray(), StandardCharsets.UTF_8)
                .replaceAll(".*\"reason\":\"([^\"]*)\".*", "$1");
        assertThat(reason).startsWith("整改").contains("\uFFFD");

        String entries = "/api/audit/events?aggregateId=" + station + "&eventType=StationSuspended";
        Eventually.assertThat(() -> assertThat(api.get("auditor", entries).body().path("items")).hasSize(1));
        JsonNode page = api.get("auditor", entries).body().path("items").get(0);
        assertThat(page.path("reason").asText()).isEqualTo(reason);
        assertThat(page.path("payload").path("reason").asText()).isEqualTo(reason);

        HttpResponse<String> export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base()
                        + "/api/audit/events.jsonl?aggregateId=" + station))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "auditor:auditor-demo".getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(export.statusCode()).isEqualTo(200);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : export.body().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).filteredOn(line -> line.path("eventType").asText().equals("StationSuspended"))
                .containsExactly(page);
    }
}
