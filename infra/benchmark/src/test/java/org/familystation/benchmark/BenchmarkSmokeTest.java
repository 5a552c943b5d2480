package org.familystation.benchmark;

import org.familystation.loader.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seconds-long run of the whole harness at tiny sizes: proves that every section (ceiling, replay, queries,
 * commands with lag, growth over two sizes, memory, the Axon-defaults baseline, targets) produces figures. It
 * asserts that figures exist and that no command or query failed, never how fast anything was: the figures are
 * printed, and judged only in BENCHMARKS.md from a full run.
 */
class BenchmarkSmokeTest {

    @Test
    @SuppressWarnings("unchecked")
    void everySectionProducesFigures(@TempDir Path directory) throws Exception {
        Path out = directory.resolve("report.json");
        // Each load runs just long enough to be measured: the first command of each is sent before it, unmeasured;
        // the queries keep a second of warm-up, as a cold search can take longer than the measured second.
        Options options = Options.parse("--sizes=400,800", "--stations=6", "--command-seconds=2",
                "--warmup-seconds=0", "--query-seconds=1", "--query-warmup-seconds=1",
                "--query-warmup-max-seconds=1", "--ceiling-seconds=1", "--baseline-seconds=5",
                "--lag-every=2", "--work-dir=" + directory.resolve("data"), "--out=" + out);

        Map<String, Object> report = new Benchmark(options).run();
        System.out.println(Report.table(report));

        assertThat(out).exists();
        assertThat(ApiClient.JSON.readTree(Files.readAllBytes(out)).path("targets").size()).isEqualTo(13);
        Map<String, Object> ceiling = (Map<String, Object>) report.get("ceiling");
        for (String level : List.of("oneRowPerTx_c1", "oneRowPerTx_c8", "oneRowPerTx_c32", "hundredRowsPerTx_c4")) {
            assertThat(Report.number(ceiling, level)).as(level).isPositive();
        }
        List<Map<String, Object>> sizes = (List<Map<String, Object>>) report.get("sizes");
        assertThat(sizes).hasSize(2);
        for (Map<String, Object> size : sizes) {
            assertThat(Report.number(size, "events")).isGreaterThanOrEqualTo(400);
            assertThat(((Map<String, Object>) size.get("catchUpAfterSeeding")).get("seconds")).isNotNull();
            assertReplayed((Map<String, Object>) size.get("replay"), true);
            Map<String, Object> replayCpu = (Map<String, Object>) ((Map<String, Object>) size.get("replayCpu")).get("msPerEvent");
            assertThat(Report.number(replayCpu, "app")).as("replay CPU " + replayCpu).isPositive();
            for (String query : List.of("dashboard", "search", "audit")) {
                Map<String, Object> load = (Map<String, Object>) size.get(query);
                assertThat(Report.number(load, "errors")).as(query + " errors").isZero();
                assertThat(Report.number((Map<String, Object>) load.get("latency"), "p95Ms")).as(query).isPositive();
                Map<String, Object> perQuery = (Map<String, Object>) ((Map<String, Object>) load.get("cpu")).get("msPerQuery");
                assertThat(Report.number(perQuery, "app")).as(query + " CPU " + perQuery).isPositive();
            }
            // The whole trail: at least every seeded event, and the file it was read into is gone.
            Map<String, Object> export = (Map<String, Object>) size.get("auditExport");
            assertThat(Report.number(export, "entries")).as("audit export").isGreaterThanOrEqualTo(
                    Report.number(size, "events"));
            assertThat(directory.resolve("data").resolve("audit-export.jsonl")).doesNotExist();
            Map<String, Object> counts = (Map<String, Object>) size.get("auditCounts");
            assertThat(Report.number((Map<String, Object>) counts.get("all"), "total")).as("audit count")
                    .isGreaterThanOrEqualTo(Report.number(export, "entries"));
            assertThat(Report.number((Map<String, Object>) counts.get("serviceRecorded"), "total"))
                    .as("ServiceRecorded count").isPositive().isLessThan(Report.number(export, "entries"));
            assertThat(((Map<String, Object>) size.get("settleAfterReplay")).get("seconds")).isNotNull();
            List<Map<String, Object>> commands = (List<Map<String, Object>>) size.get("commands");
            assertThat(commands).hasSize(4);
            commands.forEach(BenchmarkSmokeTest::assertCommandsMeasured);
            Map<String, Object> memory = (Map<String, Object>) size.get("memory");
            assertThat(Report.number(memory, "heapUsedAfterGcMb")).isPositive();
            assertThat(Report.number(memory, "rssMb")).isPositive();
        }
        assertThat(Report.number(sizes.get(1), "events")).isGreaterThan(Report.number(sizes.get(0), "events"));
        Map<String, Object> baseline = (Map<String, Object>) report.get("baseline");
        assertCommandsMeasured((Map<String, Object>) baseline.get("commands"));
        assertReplayed((Map<String, Object>) baseline.get("replay"), false);
        for (Map<String, Object> target : (List<Map<String, Object>>) report.get("targets")) {
            assertThat(Report.number(target, "measured")).as(target.get("figure").toString()).isNotNaN();
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertCommandsMeasured(Map<String, Object> load) {
        assertThat(Report.number(load, "errors")).as("errors " + load.get("errorsByStatus")).isZero();
        assertThat(Report.number(load, "commandsPerSecond")).isPositive();
        // every part of the system worked for the commands: the application, PostgreSQL and the search index
        Map<String, Object> cpu = (Map<String, Object>) ((Map<String, Object>) load.get("cpu")).get("msPerCommand");
        for (String role : CpuTimes.ROLES) {
            assertThat(Report.number(cpu, role)).as(role + " CPU " + cpu).isPositive();
        }
        Map<String, Object> lag = (Map<String, Object>) load.get("lag");
        for (String where : List.of("postgres", "search")) {
            assertThat(Report.number((Map<String, Object>) lag.get(where), "samples")).as(where + " lag").isPositive();
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertReplayed(Map<String, Object> replay, boolean finished) {
        Map<String, Object> processors = (Map<String, Object>) replay.get("processors");
        if (finished) {
            for (Object figures : processors.values()) {
                assertThat(((Map<String, Object>) figures).get("finished")).as(processors.toString()).isEqualTo(true);
            }
        }
        // the projections of the seeded service records had work to do; the baseline is only watched for a few
        // seconds, in which its one-segment, batch-of-one search processor may not have indexed anything yet
        for (String busy : finished ? List.of("read-models", "search") : List.of("read-models")) {
            assertThat(Report.number((Map<String, Object>) processors.get(busy), "eventsPerSecond"))
                    .as(processors.toString()).isPositive();
        }
    }
}
