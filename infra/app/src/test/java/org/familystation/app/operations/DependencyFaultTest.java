package org.familystation.app.operations;

import org.familystation.app.support.Api;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.Scenario;
import org.familystation.app.support.StandaloneApplication;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servers fail under a running application of the test's own (real processes, real signals), and it answers fast
 * and honestly. Elasticsearch stuck (SIGSTOP), then dead (SIGKILL): searches answer 503 SEARCH_UNAVAILABLE with
 * Retry-After within the search timeout, readiness is DOWN naming search while liveness stays UP, and commands and
 * PostgreSQL-backed queries go on answering; the search projection parks nothing meanwhile. Then PostgreSQL dead
 * (every server process SIGKILLed): a command and a query answer 503 DATABASE_UNAVAILABLE within seconds, and
 * readiness names the event store.
 */
class DependencyFaultTest {

    /** The search timeout (5 s) with room for a busy machine; Hikari's 3 s connection timeout likewise. */
    private static final Duration SEARCH_ANSWER_LIMIT = Duration.ofSeconds(8);
    private static final Duration DATABASE_ANSWER_LIMIT = Duration.ofSeconds(8);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    @Test
    void answersFastAndHonestlyWhenAServerFails() throws Exception {
        try (StandaloneApplication application = startUnsupervised()) {
            Api api = application.api();
            Scenario scenario = new Scenario(api);
            String station = scenario.openStation("故障测试家庭驿站", "玄武区");
            String member = scenario.admittedMember("PUBLIC_WELFARE", "李晓霞工作室");
            scenario.recordService(station, "EMOTIONAL", "PSYCHOLOGICAL_COUNSELLING", member,
                    "故障之前记录的心理咨询服务", "2026-11-05T02:00:00Z", 5);
            String search = "/api/service-records/search?q=故障之前&stationId=" + station;
            // Ready once the embedded Elasticsearch has started (StandaloneApplication gives it 600 s).
            Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(api.get(null, "/actuator/health/readiness").status()).isEqualTo(200));
            Eventually.assertThat(() -> assertThat(api.get("auditor", search).body().path("total").asLong())
                    .isEqualTo(1));

            List<ProcessHandle> elasticsearch = processTree(pidIn(dataDir.resolve("elasticsearch/elasticsearch.pid")));
            signal("STOP", elasticsearch);
            try {
                Api.Response stuck = timed(() -> api.get("auditor", search), SEARCH_ANSWER_LIMIT);
                assertUnavailable(stuck, "SEARCH_UNAVAILABLE");

                Api.Response readiness = api.get(null, "/actuator/health/readiness");
                assertThat(readiness.status()).as(readiness.toString()).isEqualTo(503);
                assertThat(readiness.body().path("components").path("search").path("status").asText())
                        .isEqualTo("DOWN");
                assertThat(readiness.body().path("components").path("eventStore").path("status").asText())
                        .isEqualTo("UP");
                Api.Response liveness = api.get(null, "/actuator/health/liveness");
                assertThat(liveness.status()).as(liveness.toString()).isEqualTo(200);

                // Commands and PostgreSQL's read models do not wait for search.
                String record = timed(() -> scenario.recordService(station, "EMOTIONAL", "LEGAL_AID", member,
                        "搜索停顿时记录的法律援助服务", "2026-11-06T02:00:00Z", 4), Duration.ofSeconds(5));
                Api.Response read = timed(() -> api.get("auditor", "/api/service-records/" + record),
                        Duration.ofSeconds(5));
                Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/service-records/" + record).status())
                        .isEqualTo(200));
                assertThat(read.status()).isIn(200, 404);
                assertThat(timed(() -> api.get("auditor", "/api/stations/" + station), Duration.ofSeconds(5))
                        .status()).isEqualTo(200);
            } finally {
                signal("KILL", elasticsearch);
            }

            // Dead: the connection is refused at once.
            assertUnavailable(timed(() -> api.get("auditor", search), Duration.ofSeconds(4)), "SEARCH_UNAVAILABLE");
            assertThat(api.get(null, "/actuator/health/liveness").status()).isEqualTo(200);
            String whileDead = scenario.recordService(station, "EMOTIONAL", "LEGAL_AID", member,
                    "搜索停止后记录的法律援助服务", "2026-11-07T02:00:00Z", 4);
            Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/service-records/" + whileDead).status())
                    .isEqualTo(200));
            JdbcTemplate jdbc = application.bean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?",
                    Long.class, "service-record-search")).as("an unreachable server is no reason to park events")
                    .isZero();

            List<ProcessHandle> postgres = processTree(pidIn(dataDir.resolve("postgres/postmaster.pid")));
            signal("KILL", postgres);
            Api.Response command = timed(() -> api.post("hq", "/api/stations/" + station + "/suspension", """
                    {"reason": "数据库停止时的暂停"}"""), DATABASE_ANSWER_LIMIT);
            assertUnavailable(command, "DATABASE_UNAVAILABLE");
            assertUnavailable(timed(() -> api.get("auditor", "/api/stations/" + station), DATABASE_ANSWER_LIMIT),
                    "DATABASE_UNAVAILABLE");
            Api.Response readiness = api.get(null, "/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.body().path("components").path("eventStore").path("status").asText())
                    .isEqualTo("DOWN");
            assertThat(api.get(null, "/actuator/health/liveness").status()).isEqualTo(200);
        }
    }

    /** What a dead server looks like: the supervisor would start it again within seconds (ServerCrashTest). */
    private StandaloneApplication startUnsupervised() {
        String supervised = "familystation.embedded.supervised";
        System.setProperty(supervised, "false");
        try {
            return StandaloneApplication.start(dataDir);
        } finally {
            System.clearProperty(supervised);
        }
    }

    private static void assertUnavailable(Api.Response response, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.body().path("detail").asText()).isNotBlank();
        assertThat(response.body().path("detailEn").asText()).isNotBlank();
        assertThat(response.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    }

    /** Runs the call and checks it answered within the limit. */
    private static <T> T timed(Supplier<T> call, Duration limit) {
        long start = System.nanoTime();
        T answer = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("answered in %s ms: %s", took.toMillis(), answer).isLessThan(limit);
        return answer;
    }

    private static long pidIn(Path pidFile) throws IOException {
        return Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
    }

    /** The server's process and every process it started (the Elasticsearch launcher runs the server as a child). */
    private static List<ProcessHandle> processTree(long pid) {
        ProcessHandle root = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        return tree;
    }

    /** A killed process's sockets are closed at once, whether or not it has been reaped yet. */
    private static void signal(String signal, List<ProcessHandle> processes) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.stream().filter(ProcessHandle::isAlive).map(process -> Long.toString(process.pid()))
                .forEach(command::add);
        if (command.size() > 2) {
            Process kill = new ProcessBuilder(command).inheritIO().start();
            kill.waitFor();
            // kill answers 1 when one of them ended on its own meanwhile (a PostgreSQL backend does): what counts
            // is that none is left running.
            if (signal.equals("KILL")) {
                for (ProcessHandle process : processes) {
                    Eventually.assertThat(() -> assertThat(process.isAlive()).as("process " + process.pid())
                            .isFalse());
                }
            } else {
                assertThat(kill.exitValue()).isZero();
            }
        }
    }
}
