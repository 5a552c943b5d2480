package org.familystation.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.loader.ApiClient;
import org.springframework.util.FileSystemUtils;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * {@code --mode=asof}: the network as of random dates on a large history, with and without snapshots of the fold
 * (issue 14, "As of any date at scale"). For each size: seeds the event store (service records, {@link Seeder}),
 * moves the read side's tokens to the head (the as-of answer reads the event store only; a replay of the read models
 * would only compete for the two cores), asks {@code /api/as-of} for random dates (business time, the default: the
 * seeded services' delivery dates) and random instants of the seeding (recorded time) with no snapshot, then lets the
 * application take its snapshots (every {@code --snapshot-every} events) and asks the same questions again. Reports
 * median and p95 of both, how long the snapshots took, and whether every answer was the same both ways.
 */
final class AsOfRun {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Options options;

    AsOfRun(Options options) {
        this.options = options;
    }

    Map<String, Object> run() throws Exception {
        FileSystemUtils.deleteRecursively(options.workDir());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", Instant.now().toString());
        report.put("machine", Report.machine());
        report.put("options", Map.of("sizes", options.sizes(), "stations", options.stations(),
                "queries", options.queries(), "snapshotEvery", options.snapshotEvery(),
                "appHeap", options.appHeap().isBlank() ? "JVM default" : options.appHeap()));
        List<Map<String, Object>> sizes = new ArrayList<>();
        report.put("sizes", sizes);
        try (Servers servers = Servers.start(options.workDir())) {
            World world;
            Seeder seeder;
            try (AppProcess app = AppProcess.start(options, servers, false, "setup")) {
                world = World.build(demo(app, "admin"), options.stations());
                String template = World.newId();
                demo(app, "hq").expect("POST", "/api/stations/" + world.stations.get(0).id() + "/service-records",
                        world.record(new Random(1), world.stations.get(0), template), 201);
                seeder = Seeder.fromTemplate(servers, world, template);
            }
            for (long size : options.sizes()) {
                sizes.add(measure(servers, seeder, size));
                Benchmark.writeJson(options, report);
            }
        }
        Benchmark.writeJson(options, report);
        return report;
    }

    private Map<String, Object> measure(Servers servers, Seeder seeder, long size) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        log("seeding the event store to " + size + " events");
        Instant seedingFrom = Instant.now();
        seeder.seedUntil(size, size);
        Instant seedingTo = Instant.now();
        result.put("events", Seeder.eventCount(servers));
        // The as-of answer reads the event store only; a replay of the read models would compete for the cores.
        new ReadSide(servers).moveTokensToHead();
        clearSnapshots(servers);

        Random random = new Random(size);
        List<String> questions = new ArrayList<>();
        long days = ChronoUnit.DAYS.between(World.FROM, World.TO);
        for (int i = 0; i < options.queries(); i++) {
            LocalDate date = LocalDate.ofInstant(World.FROM.plus(random.nextLong(days + 1), ChronoUnit.DAYS), SHANGHAI);
            questions.add("?date=" + date);
            long span = ChronoUnit.MILLIS.between(seedingFrom, seedingTo);
            questions.add("?basis=RECORDED&at=" + seedingFrom.plusMillis((long) (random.nextDouble() * span)));
        }

        Map<String, JsonNode> fromScratch = new LinkedHashMap<>();
        try (AppProcess app = AppProcess.start(options, servers, "asof-" + size + "-no-snapshots",
                Map.of("FAMILYSTATION_QUERY_AS_OF_SNAPSHOTS_EVERY", "0"))) {
            ApiClient auditor = demo(app, "auditor");
            ask(auditor, questions.get(0)); // warm-up, not counted
            log("as-of without snapshots: " + questions.size() + " questions");
            result.put("withoutSnapshots", ask(auditor, questions, fromScratch));
            result.put("memoryWithoutSnapshots", app.memory());
        }
        Map<String, JsonNode> fromSnapshots = new LinkedHashMap<>();
        try (AppProcess app = AppProcess.start(options, servers, "asof-" + size + "-snapshots",
                Map.of("FAMILYSTATION_QUERY_AS_OF_SNAPSHOTS_EVERY", Long.toString(options.snapshotEvery()),
                        "FAMILYSTATION_QUERY_AS_OF_SNAPSHOTS_CHECK_EVERY", "PT1S"))) {
            ReadSide readSide = new ReadSide(servers);
            long head = readSide.head();
            long expected = head / options.snapshotEvery();
            // And the one at the head, unless the head is at (or within head-every of) a multiple: the questions
            // must not race the snapshotter for the cores.
            long latest = ReadSide.snapshotDue(head, -1, options.snapshotEvery());
            long start = System.nanoTime();
            log("waiting for " + expected + " snapshots and one at " + latest + " (after the event store's gap timeout)");
            while (snapshots(servers) < expected || readSide.latestSnapshot() < latest) {
                Thread.sleep(1000);
            }
            result.put("snapshots", Map.of("count", expected,
                    "secondsIncludingGapTimeout", Latencies.round((System.nanoTime() - start) / 1e9),
                    "bytes", snapshotBytes(servers), "deliveryBytes", deliveryBytes(servers)));
            ApiClient auditor = demo(app, "auditor");
            ask(auditor, questions.get(0));
            log("as-of with snapshots: " + questions.size() + " questions");
            result.put("withSnapshots", ask(auditor, questions, fromSnapshots));
            result.put("memoryWithSnapshots", app.memory());
        }
        List<Map<String, Object>> differences = new ArrayList<>();
        for (String question : fromScratch.keySet()) {
            String difference = firstDifference("", fromScratch.get(question), fromSnapshots.get(question));
            if (difference != null) {
                differences.add(Map.of("question", question, "difference", difference));
            }
        }
        result.put("answersDiffering", differences.size());
        result.put("differences", differences);
        log("size " + size + ": " + result);
        return result;
    }

    private Map<String, Object> ask(ApiClient auditor, List<String> questions, Map<String, JsonNode> answers) {
        Latencies business = new Latencies();
        Latencies recorded = new Latencies();
        for (String question : questions) {
            ApiClient.Answer answer = ask(auditor, question);
            (question.contains("RECORDED") ? recorded : business).add(answer.nanos());
            answers.put(question, answer.json());
        }
        return Map.of("business", business.summary(), "recorded", recorded.summary());
    }

    /**
     * Where two answers first differ, as a JSON path with the value on each side (without snapshots / with them), or
     * null when they are equal: a differing answer is a defect of the snapshots, and this is what to look at first.
     */
    static String firstDifference(String path, JsonNode without, JsonNode with) {
        if (without == null || with == null || without.getNodeType() != with.getNodeType()
                || without.isValueNode() || without.size() != with.size()) {
            return Objects.equals(without, with) ? null
                    : (path.isEmpty() ? "/" : path) + ": " + brief(without) + " / " + brief(with);
        }
        if (without.isArray()) {
            for (int i = 0; i < without.size(); i++) {
                String difference = firstDifference(path + "/" + i, without.get(i), with.get(i));
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        for (Iterator<String> names = without.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String difference = firstDifference(path + "/" + name, without.get(name), with.get(name));
            if (difference != null) {
                return difference;
            }
        }
        return null;
    }

    private static String brief(JsonNode node) {
        String text = String.valueOf(node);
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static ApiClient.Answer ask(ApiClient auditor, String question) {
        ApiClient.Answer answer = auditor.send("GET", "/api/as-of" + question, null);
        if (answer.status() != 200) {
            throw new IllegalStateException("/api/as-of" + question + " answered " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    private static void clearSnapshots(Servers servers) throws Exception {
        try (Connection connection = servers.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM as_of_snapshot");
            statement.execute("DELETE FROM as_of_delivery");
        }
    }

    private static long snapshots(Servers servers) throws Exception {
        return single(servers, "SELECT count(*) FROM as_of_snapshot");
    }

    private static long snapshotBytes(Servers servers) throws Exception {
        return single(servers, "SELECT coalesce(sum(octet_length(state)), 0) FROM as_of_snapshot");
    }

    /** The snapshots' deliveries by month, as stored (as_of_delivery; none before the table existed). */
    private static long deliveryBytes(Servers servers) throws Exception {
        if (single(servers, "SELECT count(*) FROM information_schema.tables"
                + " WHERE table_name = 'as_of_delivery'") == 0) {
            return 0;
        }
        return single(servers, "SELECT coalesce(sum(octet_length(deliveries)), 0) FROM as_of_delivery");
    }

    private static long single(Servers servers, String sql) throws Exception {
        try (Connection connection = servers.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static ApiClient demo(AppProcess app, String user) {
        return new ApiClient(app.base(), user, user + "-demo");
    }

    private static void log(String message) {
        System.out.println("[asof " + Instant.now() + "] " + message);
    }
}
