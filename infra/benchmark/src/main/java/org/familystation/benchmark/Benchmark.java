package org.familystation.benchmark;

import org.familystation.loader.ApiClient;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark harness: one run, on one machine, of everything issue 5 measures. It starts PostgreSQL and
 * Elasticsearch itself (durable, as the application runs them), runs the application's Boot jar as a child JVM
 * against them, and for each history size: seeds the event store, rebuilds every read model from it (replay), loads
 * the queries and the RecordService command at several concurrencies (with read-side lag), and reads the
 * application's heap and RSS; finally the same replay and lag with Axon's default processors. Prints a table and
 * writes a JSON report. See BENCHMARKS.md.
 */
public final class Benchmark {

    private static final int[] CONCURRENCY = {1, 8, 32};
    private static final int LAG_TIMEOUT_SECONDS = 30;
    /**
     * Queries are measured on a settled system ({@link CpuTimes#awaitSettled}): below a fifth of a core (the
     * processors polling, Elasticsearch's refreshes) over 5 s, waiting at most 3 minutes; how long it took is reported.
     */
    private static final double SETTLED_CORES = 0.2;
    private static final int SETTLE_WINDOW_SECONDS = 5;
    private static final int SETTLE_MAX_SECONDS = 180;

    private final Options options;

    Benchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.NotRun notRun) {
            (notRun.exitCode() == 0 ? System.out : System.err).println(notRun.getMessage());
            System.exit(notRun.exitCode());
            return;
        }
        if (options.mode() == Options.Mode.NODES) {
            System.out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(new NodesRun(options).run()));
            System.out.println("JSON report: " + options.out().toAbsolutePath());
            return;
        }
        if (options.mode() == Options.Mode.ASOF) {
            System.out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(new AsOfRun(options).run()));
            System.out.println("JSON report: " + options.out().toAbsolutePath());
            return;
        }
        if (options.mode() == Options.Mode.SOAK) {
            System.out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(new Soak(options).run()));
            System.out.println("JSON report: " + options.out().toAbsolutePath());
            return;
        }
        Map<String, Object> report = new Benchmark(options).run();
        if (options.replayOnly() || options.seedOnly()) {
            return;
        }
        System.out.println(Report.table(report));
        System.out.println("JSON report: " + options.out().toAbsolutePath());
    }

    Map<String, Object> run() throws Exception {
        if (options.replayOnly()) {
            return replayOnly();
        }
        long runStart = System.nanoTime();
        FileSystemUtils.deleteRecursively(options.workDir());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", Instant.now().toString());
        report.put("machine", Report.machine());
        report.put("options", Map.of("sizes", options.sizes(), "stations", options.stations(),
                "commandSeconds", options.commandSeconds(), "warmupSeconds", options.warmupSeconds(),
                "querySeconds", options.querySeconds(), "queryWarmupSeconds", options.queryWarmupSeconds(),
                "queryWarmupMaxSeconds", options.queryWarmupMaxSeconds(),
                "ceilingSeconds", options.ceilingSeconds(),
                "lagEvery", options.lagEvery(), "appHeap", options.appHeap().isBlank() ? "JVM default" : options.appHeap()));
        try (Servers servers = Servers.start(options.workDir(), options.postgresStatements())) {
            ReadSide readSide = new ReadSide(servers);
            World world;
            Seeder seeder;
            try (AppProcess app = AppProcess.start(options, servers, false, "setup")) {
                world = World.build(demo(app, "admin"), options.stations());
                String template = World.newId();
                demo(app, "hq").expect("POST", "/api/stations/" + world.stations.get(0).id() + "/service-records",
                        world.record(new java.util.Random(1), world.stations.get(0), template), 201);
                seeder = Seeder.fromTemplate(servers, world, template);
            }
            if (options.seedOnly()) {
                long size = options.sizes().get(0);
                log("seeding the event store to " + size + " events, and nothing else (--seed-only)");
                double rate = seeder.seedUntil(size, size);
                report.put("events", Seeder.eventCount(servers));
                report.put("seedEventsPerSecond", Double.isNaN(rate) ? null : Math.round(rate));
                report.put("seedProgress", seeder.progress());
                report.put("catchUpAfterSeeding", catchUpAfterSeeding(servers, readSide, "seed-catch-up"));
                writeJson(report);
                return report;
            }
            log("world built: " + world.stations.size() + " stations; measuring the insert ceiling");
            report.put("ceiling", new Ceiling(servers, seeder.samplePayload(), seeder.sampleMetadata(),
                    seeder.payloadType()).measure(options.ceilingSeconds()));
            List<Map<String, Object>> sizes = new ArrayList<>();
            report.put("sizes", sizes);
            for (long size : options.sizes()) {
                sizes.add(measureSize(servers, readSide, world, seeder, size));
                writeJson(report);
            }
            report.put("baseline", baseline(servers, readSide, world));
        }
        report.put("durationSeconds", Math.round((System.nanoTime() - runStart) / 1e9));
        report.put("targets", Report.targets(report));
        writeJson(report);
        return report;
    }

    private Map<String, Object> measureSize(Servers servers, ReadSide readSide, World world, Seeder seeder, long size)
            throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        log("seeding the event store to " + size + " events");
        double seedRate = seeder.seedUntil(size, size);
        result.put("events", Seeder.eventCount(servers));
        result.put("serviceRecords", count(servers, "cmd_service_record"));
        result.put("seedEventsPerSecond", Double.isNaN(seedRate) ? null : Math.round(seedRate));
        result.put("catchUpAfterSeeding", catchUpAfterSeeding(servers, readSide, "catch-up-" + size));
        List<String> processors = readSide.reset();
        log("read side reset (" + processors.size() + " processors' tokens deleted); rebuilding it from "
                + result.get("events") + " events");
        servers.statements().reset();
        try (AppProcess app = AppProcess.launch(options, servers, false, "tuned-" + size)) {
            Map<String, Object> replay = readSide.awaitReplay(options.replayTimeout(), app, cpuSampler(app));
            result.put("replay", replay);
            result.put("replayCpu", replayCpu(app, replay, ((Number) result.get("serviceRecords")).longValue()));
            servers.statements().readInto(result, "replayPostgresStatements", readSide.head(), "event");
            app.awaitAnswering();
            result.put("memoryAfterReplay", app.memory());
            log("waiting for the system to settle after the replay (below " + SETTLED_CORES + " cores over "
                    + SETTLE_WINDOW_SECONDS + " s, at most " + SETTLE_MAX_SECONDS + " s)");
            result.put("settleAfterReplay", CpuTimes.awaitSettled(app.pid(), options.workDir(), SETTLED_CORES,
                    SETTLE_WINDOW_SECONDS, SETTLE_MAX_SECONDS));
            ApiClient auditor = demo(app, "auditor");
            QueryLoad queries = new QueryLoad(auditor, world, options.querySeconds(), options.queryWarmupSeconds(),
                    options.queryWarmupMaxSeconds(), servers.statements(), app.pid(), options.workDir());
            log("queries under " + QueryLoad.CLIENTS + " clients");
            result.put("dashboard", queries.dashboard());
            result.put("search", queries.search());
            log("audit trail: pages under " + QueryLoad.CLIENTS + " clients, the whole trail exported once, then counted");
            result.put("audit", queries.auditPages());
            result.put("auditExport", queries.auditExport());
            result.put("auditCounts", queries.auditCounts());
            CommandLoad commands = new CommandLoad(demo(app, "hq"), demo(app, "admin"), world, servers, readSide,
                    options, app.pid());
            List<Map<String, Object>> loads = new ArrayList<>();
            for (int clients : CONCURRENCY) {
                log("RecordService at concurrency " + clients);
                loads.add(commands.run(clients, false, LAG_TIMEOUT_SECONDS));
            }
            log("RecordService at concurrency 32, skewed onto 3 busy stations");
            loads.add(commands.run(32, true, LAG_TIMEOUT_SECONDS));
            result.put("commands", loads);
            result.put("memory", app.memory());
        }
        return result;
    }

    /**
     * After seeding, what the seeded history would have left had it come through the application, so that the replay
     * measured next rebuilds the projections and nothing else. The seeder appends to the event store behind the
     * application's back: at its next start the sagas would read all of it, and the as-of snapshotter would fold it,
     * both beside the replay, though in a real rebuild both are at the head. So every token goes to the head (the
     * projections' are deleted by the reset after this), and one start of the application takes the snapshots, checking
     * every second with the gap timeout shortened (nothing is being appended). Reports how long that took.
     */
    private Map<String, Object> catchUpAfterSeeding(Servers servers, ReadSide readSide, String name) throws Exception {
        long start = System.nanoTime();
        readSide.moveTokensToHead();
        long due = ReadSide.snapshotDue(readSide.head(), readSide.latestSnapshot(), ReadSide.SNAPSHOT_EVERY);
        log("sagas' tokens moved to the head; taking the as-of snapshots up to " + due);
        try (AppProcess app = AppProcess.start(options, servers, name, Map.of(
                "FAMILYSTATION_QUERY_AS_OF_SNAPSHOTS_CHECK_EVERY", "PT1S",
                "FAMILYSTATION_EVENT_STORE_GAP_TIMEOUT", "PT1S"))) {
            long deadline = System.nanoTime() + options.replayTimeout() * 1_000_000_000L;
            long latest;
            while ((latest = readSide.latestSnapshot()) < due) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the as-of snapshots reached " + latest + ", not " + due
                            + ", within " + options.replayTimeout() + " s");
                }
                Thread.sleep(1_000);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        log("caught up behind the seeder in " + Math.round(seconds) + " s");
        return Map.of("seconds", Latencies.round(seconds), "snapshotAt", due);
    }

    /** --replay-only: the replay of the history an earlier run left in the work directory, nothing else. */
    private Map<String, Object> replayOnly() throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", Instant.now().toString());
        report.put("machine", Report.machine());
        report.put("appJar", options.appJar().toString());
        report.put("appJvmArgs", options.appJvmArgs());
        report.put("loadAverageBefore", Report.loadAverage());
        try (Servers servers = Servers.start(options.workDir(), options.postgresStatements())) {
            ReadSide readSide = new ReadSide(servers);
            List<String> processors = readSide.reset();
            log("read side reset (" + processors.size() + " processors' tokens deleted); rebuilding it from "
                    + readSide.head() + " events");
            long deadlocks = readSide.deadlocks();
            servers.statements().reset();
            try (AppProcess app = AppProcess.launch(options, servers, false, "replay-only")) {
                Map<String, Object> replay = readSide.awaitReplay(options.replayTimeout(), app, cpuSampler(app));
                report.put("loadAverageAfter", Report.loadAverage());
                // Segments write apart (no lock, no deadlock retries): PostgreSQL counts the deadlocks it broke.
                replay.put("deadlocks", readSide.deadlocks() - deadlocks);
                replay.put("segments", readSide.segments());
                replay.put("counterRows", readSide.rows(List.of("rm_service_stats", "rm_needs_stats",
                        "rm_needs_survey_stats", "rm_funding_stats")));
                report.put("replay", replay);
                report.put("replayCpu", replayCpu(app, replay, count(servers, "cmd_service_record")));
                servers.statements().readInto(report, "postgresStatements", readSide.head(), "event");
                @SuppressWarnings("unchecked")
                Map<String, Object> statements = (Map<String, Object>) report.get("postgresStatements");
                if (statements != null) {
                    System.out.print(PostgresStatements.lines(statements, "event", 15));
                }
                app.awaitAnswering();
                report.put("memoryAfterReplay", app.memory());
            }
        }
        System.out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        writeJson(report);
        return report;
    }

    /** Axon's out-of-the-box processors (tracking, one segment, batch size 1) on the same history and load. */
    private Map<String, Object> baseline(Servers servers, ReadSide readSide, World world) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        readSide.collapseToOneSegment();
        log("baseline (Axon defaults): RecordService at concurrency 32");
        try (AppProcess app = AppProcess.start(options, servers, true, "baseline-lag")) {
            result.put("commands", new CommandLoad(demo(app, "hq"), demo(app, "admin"), world, servers, readSide,
                    options, app.pid()).run(32, false, LAG_TIMEOUT_SECONDS * 2));
        }
        readSide.reset();
        log("baseline (Axon defaults): replay, observed for " + options.baselineSeconds() + " s");
        try (AppProcess app = AppProcess.launch(options, servers, true, "baseline-replay")) {
            result.put("replay", readSide.awaitReplay(options.baselineSeconds(), app));
        }
        return result;
    }

    /** The CPU sample taken when the replay starts (the application's processors have started). */
    private Map<String, Double> replayCpuStart;

    private Runnable cpuSampler(AppProcess app) {
        replayCpuStart = null;
        return () -> replayCpuStart = CpuTimes.snapshot(app.pid(), options.workDir());
    }

    /**
     * The replay's CPU from its start (the processors' first token: the application's own start left out) to its
     * end, per replayed event by role; Elasticsearch's also per indexed service record (its work is the search
     * index's rebuild).
     */
    private Map<String, Object> replayCpu(AppProcess app, Map<String, Object> replay, long serviceRecords) {
        Map<String, Double> after = CpuTimes.snapshot(app.pid(), options.workDir());
        Map<String, Object> cpu = CpuTimes.per(replayCpuStart == null ? after : replayCpuStart, after,
                ((Number) replay.get("events")).longValue(), "event");
        @SuppressWarnings("unchecked")
        Map<String, Double> seconds = (Map<String, Double>) cpu.get("seconds");
        cpu.put("elasticsearchMsPerIndexedRecord", serviceRecords <= 0 ? null
                : Math.round(seconds.get("elasticsearch") * 1_000_000 / serviceRecords) / 1000.0);
        return cpu;
    }

    private static long count(Servers servers, String table) throws Exception {
        try (Connection connection = servers.connect(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
            count.next();
            return count.getLong(1);
        }
    }

    private void writeJson(Map<String, Object> report) throws IOException {
        writeJson(options, report);
    }

    static void writeJson(Options options, Map<String, Object> report) throws IOException {
        Path out = options.out().toAbsolutePath();
        Files.createDirectories(out.getParent());
        ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), report);
    }

    /** The API as one of the demo accounts (the benchmark runs on the embedded servers, where they exist). */
    private static ApiClient demo(AppProcess app, String user) {
        return new ApiClient(app.base(), user, user + "-demo");
    }

    private static void log(String message) {
        System.out.println("[benchmark " + Instant.now() + "] " + message);
    }
}
