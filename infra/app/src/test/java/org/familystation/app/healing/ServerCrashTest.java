package org.familystation.app.healing;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;
import org.familystation.app.support.Api;
import org.familystation.app.support.Scenario;
import org.familystation.app.support.StandaloneApplication;
import org.familystation.embedded.EmbeddedElasticsearch;
import org.familystation.embedded.EmbeddedPostgresServer;
import org.familystation.query.common.ProcessingGroups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded servers are killed with SIGKILL under a running application of the test's own (never the shared
 * test application's servers): each is started again by its supervisor, and the application goes on without a
 * restart — the search processor says it is in error while its server is down and catches up after; commands
 * succeed again once PostgreSQL is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerCrashTest {

    private static final String SEARCH = "/api/admin/processors/" + ProcessingGroups.SEARCH;

    // Static: an instance field is set only before each test, after @BeforeAll has started the application.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dataDir;

    private StandaloneApplication application;
    private Api api;
    private Scenario scenario;
    private String station;
    private String member;

    @BeforeAll
    void start() {
        application = StandaloneApplication.start(dataDir);
        api = application.api();
        scenario = new Scenario(api);
        station = scenario.openStation("迈皋桥家庭驿站", "栖霞区");
        member = scenario.admittedMember("PUBLIC_WELFARE", "李晓霞工作室");
    }

    @AfterAll
    void stop() {
        if (application != null) {
            application.close();
        }
    }

    @Test
    void aKilledElasticsearchIsRestartedAndSearchCatchesUp() throws IOException {
        scenario.recordService(station, "EMOTIONAL", "PSYCHOLOGICAL_COUNSELLING", member, "崩溃之前记录的心理咨询",
                "2026-11-05T02:00:00Z", 5);
        awaitSearchTotal("崩溃之前", 1);

        // On a loaded machine the first start may have missed its deadline and been retried by the supervisor.
        int restartsBefore = application.bean(EmbeddedElasticsearch.class).restarts();
        killTree(pidIn(dataDir.resolve("elasticsearch").resolve("elasticsearch.pid")));
        Instant killed = Instant.now();
        // Commands do not need the search server: this one is recorded while it is down.
        scenario.recordService(station, "EMOTIONAL", "LEGAL_AID", member, "搜索服务宕机期间记录的法律援助",
                "2026-11-06T02:00:00Z", 4);

        await(Duration.ofSeconds(60), () -> {
            JsonNode processor = api.get("admin", SEARCH).body();
            assertThat(processor.path("error").asBoolean()).as(processor.toString()).isTrue();
            assertThat(processor.path("retrying").asBoolean()).isTrue();
            assertThat(Instant.parse(processor.path("fault").path("since").asText())).isAfterOrEqualTo(
                    killed.minusSeconds(1));
            assertThat(processor.path("fault").path("error").asText()).isNotBlank();
        });

        awaitSearchTotal("宕机期间", 1);
        JsonNode healed = api.get("admin", SEARCH).body();
        assertThat(healed.path("error").asBoolean()).as(healed.toString()).isFalse();
        // No fault once a batch committed (a null field is left out of the answer).
        assertThat(healed.path("fault").isNull() || healed.path("fault").isMissingNode()).as(healed.toString()).isTrue();
        assertThat(application.bean(EmbeddedElasticsearch.class).restarts()).isEqualTo(restartsBefore + 1);
    }

    @Test
    void aKilledPostgresqlIsRestartedAndCommandsSucceedAgain() throws IOException {
        // Tests run PostgreSQL with synchronous_commit off: commits of the last moments would die with the server.
        application.bean(JdbcTemplate.class).execute("CHECKPOINT");
        long postmaster = pidIn(dataDir.resolve("postgres").resolve("postmaster.pid"));
        ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();

        // The killed postmaster's backends live on until they notice: a command on a pooled connection could still
        // succeed on one (and, with synchronous_commit off, be lost in the restart). The supervisor polls, so the
        // test waits for it to have started the server again before it sends the commands it checks.
        await(Duration.ofSeconds(90), () ->
                assertThat(application.bean(EmbeddedPostgresServer.class).restarts()).isEqualTo(1));
        // The application is not restarted: the pool reconnects to the server started again on its port.
        String[] opened = new String[1];
        AtomicInteger attempt = new AtomicInteger();
        await(Duration.ofSeconds(90), () -> opened[0] = scenario.openStation(
                "燕子矶第" + attempt.incrementAndGet() + "家庭驿站", "栖霞区"));
        // The processors resumed: the read side shows what was written after the crash.
        await(Duration.ofSeconds(90), () -> assertThat(api.get("auditor", "/api/stations/" + opened[0]).status())
                .isEqualTo(200));
        assertThat(scenario.recordService(opened[0], "CULTURE", "FAMILY_EDUCATION", 12, "2026-11-07T02:00:00Z",
                "数据库重启之后的家庭教育讲座")).isNotBlank();
    }

    private void awaitSearchTotal(String words, long total) {
        // Axon retries a failed batch after 1, 2, 4 … 60 s: a server down ~20 s is caught up within ~40 s more
        // (on a quiet machine; a loaded one takes longer to start Elasticsearch).
        await(Duration.ofSeconds(300), () -> assertThat(api.get("auditor",
                "/api/service-records/search?q=" + words + "&stationId=" + station).body().path("total").asLong())
                .isEqualTo(total));
    }

    private static void await(Duration atMost, ThrowingRunnable assertion) {
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(200)).untilAsserted(assertion);
    }

    private static long pidIn(Path pidFile) throws IOException {
        return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    }

    /** kill -9 of the process and everything it started, as a crash of the machine's OOM killer would. */
    private static void killTree(long pid) {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
