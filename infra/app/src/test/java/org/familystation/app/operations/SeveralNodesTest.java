package org.familystation.app.operations;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.SessionClient;
import org.familystation.app.support.StandaloneApplication;
import org.familystation.embedded.EmbeddedPostgresServer;
import org.familystation.platform.search.ElasticsearchEndpoint;
import org.familystation.platform.security.SignInGuard;
import org.familystation.platform.security.SignInProperties;
import org.familystation.platform.spreadsheet.XlsxWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one PostgreSQL and one Elasticsearch, as behind a load balancer (README, "Scaling out"):
 * node A is the shared test application, node B a second application in the same JVM on the same servers. What one
 * node keeps for a client, the other answers: the workbench's session, the sign-in throttle's counts, an import's
 * progress and report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralNodesTest extends ApplicationTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    EmbeddedPostgresServer database;
    @Autowired
    ElasticsearchEndpoint search;
    @Autowired
    SignInGuard guard;
    @Autowired
    SignInProperties signIn;

    private final HttpClient http = HttpClient.newHttpClient();
    private StandaloneApplication nodeB;
    private Api apiB;

    @BeforeAll
    void startNodeB() {
        nodeB = StandaloneApplication.start(Path.of("target", "it-data", "node-b-" + UUID.randomUUID()), List.of(
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--familystation.elasticsearch.url=" + search.uri()));
        apiB = nodeB.api();
    }

    @AfterAll
    void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @AfterEach
    void forgetFailures() {
        guard.forgetAll();
    }

    @Test
    void aSessionSignedInOnOneNodeIsSignedInOnTheOtherAndSigningOutThereEndsIt() {
        SessionClient onA = new SessionClient(api.base());
        assertThat(onA.signIn("auditor", "auditor-demo").status()).isEqualTo(200);
        SessionClient onB = onA.at(apiB.base());

        SessionClient.Answer me = onB.send("GET", "/api/session", null, false);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.body().path("username").asText()).isEqualTo("auditor");
        assertThat(onB.send("GET", "/api/stations", null, false).status()).isEqualTo(200);
        // The CSRF token handed out by A is the one B expects.
        assertThat(onB.send("DELETE", "/api/session", null, false).code()).isEqualTo("CSRF_TOKEN_INVALID");
        assertThat(onA.send("GET", "/api/session", null, false).status()).isEqualTo(200);

        assertThat(onB.send("DELETE", "/api/session", null, true).status()).isEqualTo(204);
        SessionClient.Answer afterSignOut = onA.send("GET", "/api/session", null, false);
        assertThat(afterSignOut.status()).as(afterSignOut.toString()).isEqualTo(401);
        assertThat(afterSignOut.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aPasswordChangedOnOneNodeAndADisablingOnTheOtherCountForTheSessionEverywhere() {
        String username = "node-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("admin", "/api/accounts", """
                {"username": "%s", "displayName": "节点测试账号", "unitId": "%s", "roles": ["AUDITOR"],
                 "initialPassword": "chun-jiang-chao-shui"}""".formatted(username, scenario.headquarters()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        SessionClient onA = new SessionClient(api.base());
        assertThat(onA.signIn(username, "chun-jiang-chao-shui").body().path("mustChangePassword").asBoolean())
                .isTrue();
        SessionClient onB = onA.at(apiB.base());
        assertThat(onB.send("GET", "/api/stations", null, false).code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");

        // Changed in the session on A: the session goes on, on B too.
        assertThat(onA.send("POST", "/api/session/password", """
                {"currentPassword": "chun-jiang-chao-shui", "newPassword": "hai-shang-ming-yue"}""", true).status())
                .isEqualTo(204);
        assertThat(onB.send("GET", "/api/stations", null, false).status()).isEqualTo(200);

        // Disabled through B: the session ends on A.
        assertThat(apiB.post("admin", "/api/accounts/" + created.id() + "/disablement", "{\"reason\": \"离职\"}")
                .status()).isEqualTo(204);
        assertThat(onA.send("GET", "/api/session", null, false).status()).isEqualTo(401);
    }

    @Test
    void failuresOnBothNodesCountTogetherAndLockTheUsernameOnBoth() {
        String guessed = "node-guess-" + UUID.randomUUID().toString().substring(0, 8);
        SessionClient onA = new SessionClient(api.base());
        SessionClient onB = new SessionClient(apiB.base());
        int allowed = signIn.getThrottle().getAccountFailures();
        for (int failure = 1; failure <= allowed; failure++) {
            SessionClient node = failure % 2 == 0 ? onB : onA;
            assertThat(node.signIn(guessed, "guess-" + failure).code()).isEqualTo("BAD_CREDENTIALS");
        }
        for (SessionClient node : List.of(onA, onB)) {
            SessionClient.Answer locked = node.signIn(guessed, "guess-again");
            assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
            assertThat(locked.code()).isEqualTo("TOO_MANY_ATTEMPTS");
            assertThat(locked.header("Retry-After")).isNotEmpty();
        }
        // Another username from the same address is not locked (the address has its own, larger allowance).
        assertThat(onB.signIn("auditor", "auditor-demo").status()).isEqualTo(200);
    }

    @Test
    void failuresFromOneAddressOnBothNodesLockItOutOnBoth() {
        int allowed = signIn.getThrottle().getAddressFailures();
        for (int failure = 1; failure <= allowed; failure++) {
            Api node = failure % 2 == 0 ? apiB : api;
            assertThat(node.get("node-guess-" + UUID.randomUUID(), "/api/session").status()).isEqualTo(401);
        }
        for (Api node : List.of(api, apiB)) {
            Api.Response locked = node.get("auditor", "/api/session");
            assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
            assertThat(locked.code()).isEqualTo("TOO_MANY_ATTEMPTS");
        }
        // Lifted on one node, lifted on both.
        nodeB.bean(SignInGuard.class).forgetAll();
        assertThat(api.get("auditor", "/api/session").status()).isEqualTo(200);
    }

    @Test
    void anImportStartedOnOneNodeIsFollowedAndReportedOnTheOther() throws Exception {
        int rows = 300;
        String prefix = "NODES-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response started = upload(api, "hq", "volunteers", volunteers(prefix, rows));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String location = started.headers().getLocation().toString();

        JsonNode[] progress = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            progress[0] = apiB.get("hq", location).body();
            assertThat(progress[0].path("status").asText()).as(progress[0].toString()).isEqualTo("DONE");
        });
        assertThat(progress[0].path("total").asInt()).isEqualTo(rows);
        assertThat(progress[0].path("done").asInt()).isEqualTo(rows);
        assertThat(progress[0].path("accepted").asInt()).isEqualTo(rows - rows / 10);
        assertThat(progress[0].path("refused").asInt()).isEqualTo(rows / 10);

        JsonNode refused = apiB.get("hq", location + "/rows?outcome=REFUSED").body();
        assertThat(refused.size()).isEqualTo(rows / 10);
        assertThat(refused.get(0).path("row").asInt()).isEqualTo(11);
        assertThat(refused.get(0).path("detail").asText()).matches(".*\\p{IsHan}.*");
        assertThat(apiB.get("hq", location + "/rows").body().size()).isEqualTo(rows);
        // Another user's job is unknown on every node.
        assertThat(apiB.get("auditor", location).code()).isEqualTo("IMPORT_JOB_UNKNOWN");

        HttpResponse<byte[]> report = http.send(HttpRequest.newBuilder(URI.create(apiB.base() + location
                + "/report.xlsx")).header("Authorization", basic("hq")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("content-type")).hasValue(XLSX);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(rows);
        }
    }

    /** A node that dies mid-run leaves its job RUNNING with a heartbeat that stops: any node then answers INTERRUPTED. */
    @Test
    void aJobWhoseNodeStoppedBeatingIsAnsweredAsInterrupted() {
        String jobId = UUID.randomUUID().toString();
        Instant started = Instant.now().minus(Duration.ofMinutes(5));
        jdbc.update("INSERT INTO import_job (job_id, kind, file_name, owner, total, status, done, accepted, "
                        + "started_at, node, heartbeat_at) VALUES (?, 'volunteers', '志愿者.xlsx', 'hq', 100, 'RUNNING', 40, "
                        + "40, ?, 'a-dead-node', now() - interval '1 minute')", jobId,
                java.sql.Timestamp.from(started));
        JsonNode progress = apiB.get("hq", "/api/import-jobs/" + jobId).body();
        assertThat(progress.path("status").asText()).as(progress.toString()).isEqualTo("INTERRUPTED");
        assertThat(progress.path("done").asInt()).isEqualTo(40);
        assertThat(progress.path("finishedAt").isNull()).isFalse();
        assertThat(api.get("hq", "/api/import-jobs/" + jobId).body().path("status").asText()).isEqualTo("INTERRUPTED");

        // One beating within the timeout stays RUNNING.
        String alive = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO import_job (job_id, kind, file_name, owner, total, status, started_at, node) "
                + "VALUES (?, 'volunteers', '志愿者.xlsx', 'hq', 100, 'RUNNING', now(), 'a-live-node')", alive);
        assertThat(apiB.get("hq", "/api/import-jobs/" + alive).body().path("status").asText()).isEqualTo("RUNNING");
        jdbc.update("DELETE FROM import_job WHERE job_id = ?", alive);
    }

    /**
     * A node that stops cleanly interrupts its running jobs at once, saving how far they got ({@code ImportJobs#stop}),
     * so the other node answers INTERRUPTED straight away, not once the heartbeat is older than its timeout (30 s).
     * Runs last: it stops node B.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aNodeThatStopsInterruptsItsRunningImportsAtOnce() {
        int rows = 5_000;
        Api.Response started = upload(apiB, "hq", "volunteers",
                volunteers("STOP-" + UUID.randomUUID().toString().substring(0, 8), rows));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String location = started.headers().getLocation().toString();
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            JsonNode running = apiB.get("hq", location).body();
            assertThat(running.path("status").asText()).as(running.toString()).isEqualTo("RUNNING");
            assertThat(running.path("done").asInt()).as(running.toString()).isPositive();
        });

        nodeB.close();
        nodeB = null;

        JsonNode progress = api.get("hq", location).body();
        assertThat(progress.path("status").asText()).as(progress.toString()).isEqualTo("INTERRUPTED");
        assertThat(progress.path("done").asInt()).as(progress.toString()).isPositive().isLessThan(rows);
        assertThat(progress.path("finishedAt").isNull()).isFalse();
    }

    /** A volunteers' sheet of {@code rows} rows; every tenth lacks a name and is refused. */
    private static byte[] volunteers(String prefix, int rows) {
        return XlsxWriter.toBytes(ZoneId.of("Asia/Shanghai"), xlsx -> {
            xlsx.sheet("志愿者").heading(List.of("姓名", "志愿者编号", "电话", "所属单位编号"));
            for (int i = 0; i < rows; i++) {
                xlsx.row(Arrays.asList(i % 10 == 9 ? "" : "节点志愿者" + i, prefix + "-" + i, null, null));
            }
        });
    }

    private Api.Response upload(Api node, String user, String kind, byte[] content) {
        return node.upload(user, "/api/imports/" + kind, "volunteers.xlsx", XLSX, content);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-demo")
                .getBytes(StandardCharsets.UTF_8));
    }
}
