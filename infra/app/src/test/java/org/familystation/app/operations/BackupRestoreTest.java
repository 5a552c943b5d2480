package org.familystation.app.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.familystation.app.support.Api;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.IntegrationTest;
import org.familystation.app.support.Scenario;
import org.familystation.app.support.StandaloneApplication;
import org.familystation.app.support.TestAccounts;
import org.familystation.embedded.EmbeddedPostgresServer;
import org.familystation.loader.ScenarioLoader;
import org.familystation.platform.backup.Restore;
import org.familystation.platform.search.ElasticsearchEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backup and restore as an operator runs them (README, "Backup and restore"): the shared test application, with the
 * history the run's other tests made and this test's own (stations, a member whose suspension made a saga withdraw
 * its offering, services, a managed account), is backed up through the admin API while services keep being recorded; the backup is restored into a second, fresh
 * installation (its own database on the first one's PostgreSQL server, its own search indexes on its Elasticsearch),
 * which replays every event into its read models and indexes. The second then answers the dashboards, search totals,
 * audit trail and as-of of the history before the load exactly as the first did; every service acknowledged before
 * the backup began is there, and each one that is there is there whole; the account signs in with its password.
 */
@IntegrationTest
class BackupRestoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUIET_DISTRICT = "秦淮区";
    private static final String BUSY_DISTRICT = "建邺区";
    private static final String PASSWORD = "备份之前设的密码-2026";
    /** For a measurement: the reference scenario with this many services is loaded first (README's figures). */
    private static final int SCENARIO_SERVICES = Integer.getInteger("familystation.backup.services", 0);

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedPostgresServer server;
    @Autowired
    ElasticsearchEndpoint search;
    @Autowired
    JdbcTemplate originalJdbc;
    @Autowired
    DataSource originalDatabase;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path restoredDataDir;


    @TempDir
    Path backups;

    @Test
    void aBackupTakenUnderLoadRestoresIntoAFreshInstallationThatAnswersAsTheOriginalDid() throws Exception {
        Api api = new Api(port);
        Scenario scenario = new Scenario(api);
        TestAccounts.awaitNetwork(api, scenario);
        if (SCENARIO_SERVICES > 0) {
            new ScenarioLoader(URI.create(api.base()), "admin", "admin-demo", 4, new PrintStream(
                    new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                    .load(SCENARIO_SERVICES, SCENARIO_SERVICES / 10, 60, 30, 2014);
        }

        // The history: a station in a district the load never touches, with a member's services and a saga's
        // follow-up (its suspension withdraws its offering), a managed account, and a station for the load.
        String quietStation = scenario.openStation("秦淮备份家庭驿站", QUIET_DISTRICT);
        String member = scenario.admittedMember("PUBLIC_WELFARE", "备份测试公益社");
        String offering = scenario.offer(member, quietStation, "PSYCHOLOGICAL_COUNSELLING");
        scenario.recordService(quietStation, "EMOTIONAL", "PSYCHOLOGICAL_COUNSELLING", member, "备份之前的心理疏导",
                "2025-06-01T02:00:00Z", 5);
        scenario.recordService(quietStation, "EMOTIONAL", "PSYCHOLOGICAL_COUNSELLING", member, "备份之前的亲子沟通",
                "2025-06-08T02:00:00Z", 4);
        assertThat(api.post("hq", "/api/alliance-members/" + member + "/suspension",
                "{\"reason\": \"服务投诉待核查\"}").status()).isEqualTo(204);
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/offerings/" + offering).body()
                .path("active").asBoolean(true)).isFalse());
        String busyStation = scenario.openStation("建邺备份家庭驿站", BUSY_DISTRICT);
        scenario.socialWorkerAt(busyStation);
        String username = "backup.holder";
        assertThat(api.post("admin", "/api/accounts", """
                {"username": "%s", "displayName": "备份测试", "unitId": "%s", "roles": ["AUDITOR"],
                 "initialPassword": "管理员给的初始密码-2026"}""".formatted(username, scenario.headquarters()))
                .status()).isEqualTo(201);
        assertThat(as(api, username, "管理员给的初始密码-2026", HttpMethod.POST, "/api/session/password", """
                {"currentPassword": "管理员给的初始密码-2026", "newPassword": "%s"}""".formatted(PASSWORD))
                .status()).isEqualTo(204);
        awaitCaughtUp(api);

        Instant beforeLoad = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, JsonNode> answers = answers(api, beforeLoad);
        answers.put("the suspended member", ok(api.get("auditor", "/api/alliance-members/" + member)));
        answers.put("its withdrawn offering", ok(api.get("auditor", "/api/offerings/" + offering)));
        long busyServicesBefore = busyServices(api);

        // Services keep being recorded at the busy station while the backup is taken.
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicBoolean backupAsked = new AtomicBoolean(false);
        Set<String> acknowledgedBeforeBackup = ConcurrentHashMap.newKeySet();
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger serial = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (int writer = 0; writer < 3; writer++) {
            Thread thread = new Thread(() -> {
                while (loading.get()) {
                    Api.Response response = api.post("worker", "/api/stations/" + busyStation
                            + "/service-records", """
                            {"stationPoint": "HAPPINESS", "projectCode": "CULTURE_SPORTS",
                             "providerKind": "SOCIAL_WORKER", "socialWorkerIds": ["%s"],
                             "deliveredAt": "2025-07-01T02:00:00Z", "participantCount": 8,
                             "description": "备份期间的文体活动第%d场"}"""
                            .formatted(scenario.socialWorkerAt(busyStation), serial.incrementAndGet()));
                    if (response.status() != 201) {
                        failures.add(response.toString());
                        continue;
                    }
                    acknowledged.add(response.id());
                    // Acknowledged (committed) before the backup was asked for: it must be in the backup.
                    if (!backupAsked.get()) {
                        acknowledgedBeforeBackup.add(response.id());
                    }
                }
            }, "backup-load-" + writer);
            thread.start();
            writers.add(thread);
        }
        Eventually.assertThat(() -> assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(10));
        backupAsked.set(true);
        Path archive = backups.resolve("familystation.zip");
        long backupStarted = System.nanoTime();
        HttpResponse<Path> backup = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api.base() + "/api/admin/backup"))
                .header("Authorization", basic("admin", "admin-demo")).GET().build(),
                HttpResponse.BodyHandlers.ofFile(archive));
        double backupSeconds = (System.nanoTime() - backupStarted) / 1e9;
        int before = acknowledged.size();
        Eventually.assertThat(() -> assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(before + 10));
        loading.set(false);
        for (Thread writer : writers) {
            writer.join();
        }
        assertThat(failures).isEmpty();
        assertThat(backup.statusCode()).isEqualTo(200);
        long backupEvents = Long.parseLong(backup.headers().firstValue("X-Backup-Events").orElseThrow());
        long lastGlobalIndex = Long.parseLong(backup.headers().firstValue("X-Backup-Last-Global-Index")
                .orElseThrow());
        assertThat(originalJdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class))
                .as("the load went on after the backup").isGreaterThan(backupEvents);
        awaitCaughtUp(api);

        // The second installation: an empty database on the same server, indexes of its own.
        String database = "restored_" + Long.toHexString(System.nanoTime());
        originalJdbc.execute("CREATE DATABASE " + database);
        String restoredUrl = server.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        long restoreStarted = System.nanoTime();
        try (StandaloneApplication restored = StandaloneApplication.start(restoredDataDir, List.of(
                "--spring.datasource.url=" + restoredUrl,
                "--spring.datasource.username=" + server.user(),
                "--spring.datasource.password=" + server.password(),
                "--spring.datasource.hikari.maximum-pool-size=24",
                "--familystation.elasticsearch.url=" + search.uri(),
                "--familystation.search.alias=" + database + "-service-records",
                "--familystation.search.needs-survey-alias=" + database + "-needs-surveys",
                "--familystation.restore.from=" + archive))) {
            double startSeconds = (System.nanoTime() - restoreStarted) / 1e9;
            Api copy = restored.api();
            // The replay of the whole history: longer than a projection's usual lag, so a longer limit.
            Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertCaughtUp(copy, lastGlobalIndex));
            double restoreSeconds = (System.nanoTime() - restoreStarted) / 1e9;
            JdbcTemplate restoredJdbc = restored.bean(JdbcTemplate.class);
            // (A deadline that fell due in the history may add events after them: the new installation runs it.)
            assertThat(restoredJdbc.queryForObject("SELECT count(*) FROM domain_event_entry"
                    + " WHERE global_index <= ?", Long.class, lastGlobalIndex)).as("every event of the backup")
                    .isEqualTo(backupEvents);
            assertThat(copy.get("admin", "/api/admin/dead-letters").body()).isEmpty();

            // The history before the load: the same answers.
            Map<String, JsonNode> restoredAnswers = answers(copy, beforeLoad);
            restoredAnswers.put("the suspended member", ok(copy.get("auditor", "/api/alliance-members/" + member)));
            restoredAnswers.put("its withdrawn offering", ok(copy.get("auditor", "/api/offerings/" + offering)));
            for (Map.Entry<String, JsonNode> answer : answers.entrySet()) {
                if (answer.getKey().startsWith("search ")) {
                    // A search sees the replay's writes at the index's next refresh.
                    Eventually.assertThat(() -> assertThat(answers(copy, beforeLoad).get(answer.getKey()))
                            .as(answer.getKey()).isEqualTo(answer.getValue()));
                } else {
                    assertThat(restoredAnswers.get(answer.getKey())).as(answer.getKey())
                            .isEqualTo(answer.getValue());
                }
            }

            // The load: everything acknowledged before the backup began, and what is there is whole.
            List<String> found = new ArrayList<>();
            for (String record : acknowledged) {
                Api.Response there = copy.get("auditor", "/api/service-records/" + record);
                String trail = "/api/audit/events?aggregateId=" + record + "&order=oldest";
                if (there.status() == 200) {
                    found.add(record);
                    assertThat(there.body()).isEqualTo(api.get("auditor", "/api/service-records/" + record).body());
                    assertThat(copy.get("auditor", trail).body()).isEqualTo(api.get("auditor", trail).body());
                } else {
                    assertThat(there.status()).as(there.toString()).isEqualTo(404);
                    assertThat(acknowledgedBeforeBackup).doesNotContain(record);
                    assertThat(copy.get("auditor", trail).body().path("items")).isEmpty();
                }
            }
            assertThat(found).containsAll(acknowledgedBeforeBackup).hasSizeLessThan(acknowledged.size());
            assertThat(busyServices(copy)).isEqualTo(busyServicesBefore + found.size());
            Eventually.assertThat(() -> assertThat(copy.get("auditor", "/api/service-records/search?q=备份期间").body().path("total").asLong()).isEqualTo(found.size()));

            // The same people sign in, with the password they set before the backup.
            assertThat(as(copy, username, PASSWORD, HttpMethod.GET, "/api/stations?size=1", null).status())
                    .isEqualTo(200);
            assertThat(as(copy, username, "管理员给的初始密码-2026", HttpMethod.GET, "/api/stations?size=1", null)
                    .status()).isEqualTo(401);

            System.out.printf(Locale.ROOT, "Backup of %,d events (%,d bytes) under load: %.1f s; the fresh"
                            + " installation started, restore included, in %.1f s and had replayed every event into"
                            + " every read model and index %.1f s after its start (%d of %d services of the load in"
                            + " the backup)%n", backupEvents, Files.size(archive), backupSeconds, startSeconds,
                    restoreSeconds - startSeconds, found.size(), acknowledged.size());

            // Started again with the setting left in place, the installation is not restored twice.
            Restore again = new Restore(restored.bean(DataSource.class), archive);
            again.afterPropertiesSet();
            assertThat(restoredJdbc.queryForObject("SELECT count(*) FROM domain_event_entry"
                    + " WHERE global_index <= ?", Long.class, lastGlobalIndex)).isEqualTo(backupEvents);
        }

        // A backup that broke off is refused before anything is written; so is one restored into an
        // installation that holds events (but not the backup's newest).
        Path truncated = backups.resolve("truncated.zip");
        byte[] whole = Files.readAllBytes(archive);
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        long events = originalJdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        assertThatThrownBy(() -> new Restore(originalDatabase, truncated).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a complete backup");
        Path other = ofAnotherInstallation(archive, backups.resolve("other.zip"));
        assertThatThrownBy(() -> new Restore(originalDatabase, other).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not empty");
        assertThat(originalJdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class))
                .isEqualTo(events);
    }

    /** What the test compares: dashboards, search totals, the audit trail and as-of, of the history before the load. */
    private static Map<String, JsonNode> answers(Api api, Instant beforeLoad) throws Exception {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        answers.put("network dashboard", ok(api.get("auditor", "/api/dashboard/network")));
        answers.put("summary of " + QUIET_DISTRICT, ok(api.get("auditor", "/api/dashboard/summary?district="
                + QUIET_DISTRICT)));
        answers.put("search 备份之前", total(ok(api.get("auditor", "/api/service-records/search?q=备份之前"))));
        answers.put("search 心理疏导 in " + QUIET_DISTRICT, total(ok(api.get("auditor",
                "/api/service-records/search?q=心理疏导&district=" + QUIET_DISTRICT))));
        // JSON Lines, read as text (the test client would parse the first line only).
        HttpResponse<String> trail = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base()
                        + "/api/audit/events.jsonl?order=oldest&to=" + beforeLoad))
                .header("Authorization", basic("auditor", "auditor-demo")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(trail.statusCode()).as(trail.body()).isEqualTo(200);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : trail.body().split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        assertThat(lines).hasSizeGreaterThan(20);
        answers.put("audit trail before the load", JSON.valueToTree(lines));
        answers.put("as of before the load", ok(api.get("auditor", "/api/as-of?basis=RECORDED&at=" + beforeLoad)));
        return answers;
    }

    private static long busyServices(Api api) {
        return ok(api.get("auditor", "/api/dashboard/summary?district=" + BUSY_DISTRICT)).path("services")
                .path("total").asLong();
    }

    /** Waits until every projection has handled every event. */
    private static void awaitCaughtUp(Api api) {
        Eventually.assertThat(() -> assertCaughtUp(api, null));
    }

    /** Every projection has handled every event (on a restored installation: up to the backup's newest, at least). */
    private static void assertCaughtUp(Api api, Long head) {
        JsonNode processors = ok(api.get("admin", "/api/admin/processors"));
        for (JsonNode processor : processors) {
            if (head != null) {
                assertThat(processor.path("headPosition").asLong()).isGreaterThanOrEqualTo(head);
            }
            if (processor.path("replayable").asBoolean()) {
                assertThat(processor.path("lag").isNumber()).as(processor.toString()).isTrue();
            }
            if (processor.path("lag").isNumber()) {
                assertThat(processor.path("lag").asLong()).as(processor.toString()).isZero();
            }
        }
    }

    private static JsonNode total(JsonNode page) {
        return page.path("total");
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static Api.Response as(Api api, String username, String password, HttpMethod method, String path,
                                   String body) {
        return api.send(method, null, path, body, Map.of("Authorization", basic(username, password)));
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The archive with its manifest naming another newest event: a backup of some other installation. */
    private static Path ofAnotherInstallation(Path archive, Path copy) throws Exception {
        try (ZipFile zip = new ZipFile(archive.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                byte[] content = zip.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("manifest.json")) {
                    ObjectNode manifest = (ObjectNode) JSON.readTree(content);
                    manifest.put("lastEventId", "an-event-this-installation-never-had");
                    content = JSON.writeValueAsBytes(manifest);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        return copy;
    }
}
