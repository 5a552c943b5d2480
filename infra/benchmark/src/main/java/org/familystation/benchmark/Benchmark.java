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

    private final Options options;

    Benchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
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
        if (options.replayOnly()) {
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
                "ceilingSeconds", options.ceilingSeconds(),
                "lagEvery", options.lagEvery(), "appHeap", options.appHeap().isBlank() ? "JVM default" : options.appHeap()));
        try (Servers servers = Servers.start(options.workDir())) {
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
        List<String> processors = readSide.reset();
        log("rebuilding " + processors.size() + " projections from " + result.get("events") + " events");
        Path postgres = options.workDir().resolve("postgres");
        Map<String, Double> cpuBefore = CpuTimes.snapshot(-1, postgres);
        try (AppProcess app = AppProcess.launch(options, servers, false, "tuned-" + size)) {
            result.put("replay", readSide.awaitReplay(processors, options.replayTimeout()));
            // Includes the application's start (~20-30 s of CPU); see BENCHMARKS.md.
            result.put("replayCpuSeconds", CpuTimes.between(cpuBefore, CpuTimes.snapshot(app.pid(), postgres)));
            app.awaitAnswering();
            result.put("memoryAfterReplay", app.memory());
            ApiClient auditor = demo(app, "auditor");
            QueryLoad queries = new QueryLoad(auditor, world, options.querySeconds(), options.queryWarmupSeconds());
            log("queries under " + QueryLoad.CLIENTS + " clients");
            result.put("dashboard", queries.dashboard());
            result.put("search", queries.search());
            CommandLoad commands = new CommandLoad(demo(app, "hq"), world, servers, readSide, options);
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

    /** --replay-only: the replay of the history an earlier run left in the work directory, nothing else. */
    private Map<String, Object> replayOnly() throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        try (Servers servers = Servers.start(options.workDir())) {
            ReadSide readSide = new ReadSide(servers);
            List<String> processors = readSide.reset();
            log("rebuilding " + processors.size() + " projections from " + readSide.head() + " events");
            Path postgres = options.workDir().resolve("postgres");
            Map<String, Double> cpuBefore = CpuTimes.snapshot(-1, postgres);
            try (AppProcess app = AppProcess.launch(options, servers, false, "replay-only")) {
                report.put("replay", readSide.awaitReplay(processors, options.replayTimeout()));
                report.put("cpuSeconds", CpuTimes.between(cpuBefore, CpuTimes.snapshot(app.pid(), postgres)));
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
            result.put("commands", new CommandLoad(demo(app, "hq"), world, servers, readSide, options)
                    .run(32, false, LAG_TIMEOUT_SECONDS * 2));
        }
        List<String> processors = readSide.reset();
        log("baseline (Axon defaults): replay, observed for " + options.baselineSeconds() + " s");
        try (AppProcess app = AppProcess.launch(options, servers, true, "baseline-replay")) {
            result.put("replay", readSide.awaitReplay(processors, options.baselineSeconds()));
        }
        return result;
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
