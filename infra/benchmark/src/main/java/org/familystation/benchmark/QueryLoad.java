package org.familystation.benchmark;

import org.familystation.loader.ApiClient;

import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The two queries users wait on, under {@value #CLIENTS} concurrent clients: the dashboard summary (whole city or a
 * district, a period or all time) and service-record search (a mixed set of Chinese queries, alone or with a
 * district, project or period filter, by relevance or by date).
 */
final class QueryLoad {

    static final int CLIENTS = 16;
    private static final int WARMUP_WINDOW_SECONDS = 10;
    private static final List<String> WORDS = List.of("心理", "法律咨询", "亲子", "空巢老人", "就业", "家庭教育 讲座",
            "反家暴", "培训", "单亲妈妈 压力", "婚恋", "志愿", "社区居民 邻里", "绘本", "上门", "维权 个案");
    private static final List<String> MONTHS = List.of("2025-01", "2025-04", "2025-07", "2025-10", "2026-01", "2026-05");

    private final ApiClient auditor;
    private final World world;
    private final int seconds;
    private final int warmupSeconds;
    private final int warmupMaxSeconds;
    /** PostgreSQL's statements per query ({@code --postgres-statements}; else not counted). */
    private final PostgresStatements statements;
    /** The application's process and the servers' work directory: whose CPU each query costs. */
    private final long appPid;
    private final Path workDir;

    QueryLoad(ApiClient auditor, World world, int seconds, int warmupSeconds, int warmupMaxSeconds,
              PostgresStatements statements, long appPid, Path workDir) {
        this.auditor = auditor;
        this.world = world;
        this.seconds = seconds;
        this.warmupSeconds = warmupSeconds;
        this.warmupMaxSeconds = warmupMaxSeconds;
        this.statements = statements;
        this.appPid = appPid;
        this.workDir = workDir;
    }

    Map<String, Object> dashboard() throws Exception {
        return run(random -> {
            StringBuilder query = new StringBuilder("/api/dashboard/summary?");
            if (random.nextBoolean()) {
                query.append("district=").append(encode(World.pick(random, World.DISTRICTS))).append('&');
            }
            if (random.nextBoolean()) {
                String month = World.pick(random, MONTHS);
                query.append("from=").append(month).append("&to=").append(month);
            }
            return query.toString();
        });
    }

    Map<String, Object> search() throws Exception {
        return run(random -> {
            StringBuilder query = new StringBuilder("/api/service-records/search?q=")
                    .append(encode(World.pick(random, WORDS)));
            switch (random.nextInt(4)) {
                case 0 -> query.append("&district=").append(encode(World.pick(random, World.DISTRICTS)));
                case 1 -> query.append("&projectCode=").append(World.pick(random, world.projects).code());
                case 2 -> {
                    String month = World.pick(random, MONTHS);
                    query.append("&from=").append(month).append("-01&to=").append(month).append("-28");
                }
                default -> { }
            }
            if (random.nextInt(3) == 0) {
                query.append("&sort=date");
            }
            return query.toString();
        });
    }

    /**
     * Pages of the audit trail as an auditor reads it: the newest entries, one event type's, or one kind of entity's
     * oldest first, each at one of its first ten pages. Each page joins its entries to the event store's rows and
     * reads their payloads through the upcasters.
     */
    Map<String, Object> auditPages() throws Exception {
        return run(random -> switch (random.nextInt(3)) {
            case 0 -> "/api/audit/events?size=20&page=" + random.nextInt(10);
            case 1 -> "/api/audit/events?size=20&eventType=ServiceRecorded&page=" + random.nextInt(10);
            default -> "/api/audit/events?size=20&order=oldest&aggregateType=Station&page=" + random.nextInt(10);
        });
    }

    /**
     * The whole audit trail exported once as JSON Lines, into a file of the work directory deleted afterwards: its
     * time, size and lines, and the CPU each entry cost (the application's reading and writing, PostgreSQL's cursor).
     */
    Map<String, Object> auditExport() throws Exception {
        Path file = workDir.resolve("audit-export.jsonl");
        try {
            Map<String, Double> cpuBefore = CpuTimes.snapshot(appPid, workDir);
            long start = System.nanoTime();
            int status = auditor.download("/api/audit/events.jsonl?order=oldest", file);
            double elapsed = (System.nanoTime() - start) / 1e9;
            Map<String, Double> cpuAfter = CpuTimes.snapshot(appPid, workDir);
            if (status != 200) {
                throw new IllegalStateException("the audit export answered " + status + " "
                        + new ApiClient.Answer(status, Files.readString(file), 0).problem());
            }
            long entries;
            try (Stream<String> lines = Files.lines(file)) {
                entries = lines.count();
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("entries", entries);
            result.put("bytes", Files.size(file));
            result.put("seconds", Math.round(elapsed * 100) / 100.0);
            result.put("entriesPerSecond", Math.round(entries / elapsed));
            result.put("cpu", CpuTimes.per(cpuBefore, cpuAfter, entries, "entry"));
            return result;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Exact counts of the audit trail as an auditor asks for them (the pages count only 10,000 entries past
     * themselves): the whole trail and {@code ServiceRecorded}'s, three times each one after another, without load.
     * Each: the total and the median milliseconds.
     */
    Map<String, Object> auditCounts() {
        Map<String, Object> result = new LinkedHashMap<>();
        for (String[] selection : new String[][] {{"all", ""}, {"serviceRecorded", "?eventType=ServiceRecorded"}}) {
            List<Double> millis = new ArrayList<>();
            long total = 0;
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                total = auditor.expect("GET", "/api/audit/events/count" + selection[1], null, 200).path("total")
                        .asLong();
                millis.add((System.nanoTime() - start) / 1e6);
            }
            Collections.sort(millis);
            result.put(selection[0], Map.of("total", total, "medianMs", Math.round(millis.get(1) * 10) / 10.0));
        }
        return result;
    }

    private Map<String, Object> run(Function<Random, String> queries) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicLong errors = new AtomicLong();
        Map<String, String> firstErrorByStatus = new java.util.concurrent.ConcurrentHashMap<>();
        Latencies latencies = new Latencies();
        AtomicLong answered = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Random random = new Random(c);
            Thread thread = new Thread(() -> {
                while (!stop.get()) {
                    ApiClient.Answer answer = auditor.send("GET", queries.apply(random), null);
                    answered.incrementAndGet();
                    if (measuring.get()) {
                        latencies.add(answer.nanos());
                        if (answer.status() != 200) {
                            errors.incrementAndGet();
                            firstErrorByStatus.putIfAbsent(Integer.toString(answer.status()), answer.problem());
                        }
                    }
                }
            }, "query-" + c);
            threads.add(thread);
            thread.start();
        }
        List<Double> warmup = warmUp(answered); // the same load, not measured
        statements.reset();
        Map<String, Double> cpuBefore = CpuTimes.snapshot(appPid, workDir);
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1_000L);
        measuring.set(false);
        Map<String, Double> cpuAfter = CpuTimes.snapshot(appPid, workDir);
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("clients", CLIENTS);
        result.put("warmupAppMsPerQuery", warmup);
        result.put("queriesPerSecond", Math.round(latencies.count() / elapsed));
        result.put("latency", latencies.summary());
        result.put("errors", errors.get());
        result.put("firstErrorByStatus", firstErrorByStatus);
        result.put("cpu", CpuTimes.per(cpuBefore, cpuAfter, latencies.count(), "query"));
        statements.readInto(result, "postgresStatements", latencies.count(), "query");
        return result;
    }

    /**
     * Runs the load unmeasured until the application has compiled its request path: at least the warm-up seconds,
     * then in windows of {@value #WARMUP_WINDOW_SECONDS} s until the application's CPU per query has fallen by less
     * than a tenth over the last two windows, or the warm-up's maximum in all. On two cores saturated by the
     * clients the JIT compiler competes with the requests and takes minutes: a dashboard query cost the application
     * 1.48 ms in the first 18 s after its start and 0.39 ms after 2.5 minutes (BENCHMARKS.md). A fixed 10 s measured
     * the compiler. Answers the application's CPU per query in each window.
     */
    private List<Double> warmUp(AtomicLong answered) throws InterruptedException {
        Thread.sleep(warmupSeconds * 1_000L);
        long start = System.nanoTime();
        List<Double> windows = new ArrayList<>();
        while (System.nanoTime() - start < (warmupMaxSeconds - warmupSeconds) * 1_000_000_000L) {
            double appBefore = CpuTimes.snapshot(appPid, workDir).get("app");
            long answeredBefore = answered.get();
            Thread.sleep(WARMUP_WINDOW_SECONDS * 1_000L);
            long queries = answered.get() - answeredBefore;
            double window = queries == 0 ? Double.NaN
                    : Math.round((CpuTimes.snapshot(appPid, workDir).get("app") - appBefore) * 1_000_000 / queries)
                    / 1000.0;
            windows.add(window);
            int last = windows.size() - 1;
            if (last > 1 && windows.get(last) > windows.get(last - 2) * 0.9) {
                break;
            }
        }
        return windows;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
