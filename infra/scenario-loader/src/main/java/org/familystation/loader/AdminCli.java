package org.familystation.loader;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Operating the read side from a terminal, through the admin API of a running application:
 *
 * <pre>
 * ./mvnw -q -pl infra/scenario-loader -am -DskipTests package exec:java@admin -Dexec.args="processors"
 * ./mvnw -q -pl infra/scenario-loader -am -DskipTests package exec:java@admin -Dexec.args="rebuild search"
 * ./mvnw -q -pl infra/scenario-loader -am -DskipTests package exec:java@admin -Dexec.args="rebuild --all"
 * ./mvnw -q -pl infra/scenario-loader -am -DskipTests package exec:java@admin -Dexec.args="dead-letters people"
 * ./mvnw -q -pl infra/scenario-loader -am -DskipTests package exec:java@admin -Dexec.args="backup /var/backups/fs.zip"
 * ./mvnw -q -pl infra/scenario-loader -am -DskipTests package exec:java@admin -Dexec.args="catch-up"
 * </pre>
 *
 * {@code rebuild} starts the rebuilds and prints their progress (events replayed of the target, rate, time left)
 * until every one has caught up. {@code backup} writes a backup of the system of record to the file; {@code catch-up}
 * prints the projections' progress (after a restore: the replay of every event) until every one has caught up.
 * Options: {@code --url=http://localhost:8080 --user=admin --password=admin-demo}.
 */
public final class AdminCli {

    private static final int WIDTH = 30;

    private final ApiClient api;
    private final PrintStream out;

    public AdminCli(URI base, String user, String password, PrintStream out) {
        this.api = new ApiClient(base, user, password);
        this.out = out;
    }

    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("url", "http://localhost:8080", "user", "admin",
                "password", "admin-demo"));
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (arg.startsWith("--") && pair.length == 2 && options.containsKey(pair[0])) {
                options.put(pair[0], pair[1]);
            } else {
                words.add(arg);
            }
        }
        AdminCli cli = new AdminCli(URI.create(options.get("url")), options.get("user"), options.get("password"),
                System.out);
        try {
            if (words.equals(List.of("processors"))) {
                cli.processors();
            } else if (words.size() == 2 && words.get(0).equals("rebuild")) {
                System.exit(cli.rebuild(words.get(1).equals("--all") ? cli.replayable() : List.of(words.get(1))));
            } else if (!words.isEmpty() && words.get(0).equals("dead-letters") && words.size() <= 2) {
                cli.deadLetters(words.size() == 2 ? words.get(1) : null);
            } else if (words.size() == 2 && words.get(0).equals("backup")) {
                cli.backup(Path.of(words.get(1)));
            } else if (words.equals(List.of("catch-up"))) {
                System.exit(cli.catchUp());
            } else {
                System.err.println("usage: processors | rebuild <processor>|--all | dead-letters [processor]"
                        + " | backup <file> | catch-up"
                        + "   options: " + options.keySet().stream().map(key -> "--" + key + "=").toList());
                System.exit(2);
            }
        } catch (IllegalStateException refused) {
            System.err.println(refused.getMessage());
            System.exit(1);
        }
    }

    /**
     * Prints every processor: state, lag, dead letters, and its segments' positions; then how many changes the node
     * answering lets in at once (fewer while flow control holds them back for a processor behind).
     */
    public void processors() {
        JsonNode processors = get("/api/admin/processors");
        for (JsonNode processor : processors) {
            String state = processor.path("error").asBoolean() ? "ERROR"
                    : processor.path("running").asBoolean() ? "running" : "stopped";
            out.printf(Locale.ROOT, "%-34s %-16s %-8s lag %-7s dead letters %-4d %s%n", processor.path("name").asText(),
                    processor.path("kind").asText() + (processor.path("saga").asBoolean() ? " saga" : ""), state,
                    processor.path("lag").isNumber() ? processor.path("lag").asText() : "-",
                    processor.path("deadLetters").asLong(),
                    processor.path("activeRebuild").isTextual() ? "rebuilding " + processor.path("activeRebuild").asText()
                            : "");
            List<String> groups = new ArrayList<>();
            processor.path("groups").forEach(group -> groups.add(group.path("name").asText()
                    + (group.path("deadLetters").asLong() > 0 ? " (" + group.path("deadLetters").asLong() + ")" : "")));
            if (groups.size() > 1) {
                out.printf(Locale.ROOT, "    groups %s%n", String.join(", ", groups));
            }
            for (JsonNode segment : processor.path("segments")) {
                out.printf(Locale.ROOT, "    segment %d at %d%s, owner %s%n", segment.path("segment").asInt(),
                        segment.path("position").asLong(), segment.path("replaying").asBoolean() ? " (replaying)" : "",
                        segment.path("owner").asText("-"));
            }
        }
        out.printf(Locale.ROOT, "head of the event store: %s%n",
                processors.path(0).path("headPosition").asText("-"));
        JsonNode changes = get("/api/admin/changes");
        String flow = !changes.path("on").asBoolean() ? "flow control off"
                : changes.path("slowestProcessor").isTextual()
                ? String.format(Locale.ROOT, "slowest processor %s %d ms behind, target %d ms",
                        changes.path("slowestProcessor").asText(), changes.path("slowestBehindMillis").asLong(),
                        changes.path("targetMillis").asLong())
                : "no processor counted";
        out.printf(Locale.ROOT, "changes on this node: %d of %d at once, %d running, %d waiting (%s)%n",
                changes.path("limit").asInt(), changes.path("most").asInt(), changes.path("running").asInt(),
                changes.path("waiting").asInt(), flow);
    }

    /** Starts the rebuilds, then prints their progress until all have caught up; answers the exit code. */
    public int rebuild(List<String> processors) {
        Map<String, String> rebuilds = new LinkedHashMap<>();
        for (String processor : processors) {
            JsonNode started = api.expect("POST", "/api/admin/processors/" + processor + "/rebuild", null, 202);
            rebuilds.put(processor, started.path("id").asText());
            out.printf(Locale.ROOT, "%s: rebuild %s started%n", processor, started.path("id").asText());
        }
        boolean failed = false;
        for (Map.Entry<String, String> rebuild : rebuilds.entrySet()) {
            JsonNode state = get("/api/admin/rebuilds/" + rebuild.getValue());
            while (state.path("state").asText().equals("STOPPING") || state.path("state").asText().equals("REPLAYING")) {
                print(rebuild.getKey(), state, false);
                sleep();
                state = get("/api/admin/rebuilds/" + rebuild.getValue());
            }
            print(rebuild.getKey(), state, true);
            if (state.path("state").asText().equals("FAILED")) {
                out.println("  failed: " + state.path("failure").asText());
                failed = true;
            }
        }
        return failed ? 1 : 0;
    }

    /** Prints the dead letters of one processing group, of every group of one processor, or of all. */
    public void deadLetters(String processor) {
        JsonNode letters = get("/api/admin/dead-letters" + (processor == null ? "" : "?processor=" + processor));
        for (JsonNode letter : letters) {
            out.printf(Locale.ROOT, "%-22s %s %-30s %s/%s #%s%s%n    %s: %s%n", letter.path("processingGroup").asText(),
                    letter.path("eventId").asText(), letter.path("eventType").asText(),
                    letter.path("aggregateType").asText(), letter.path("aggregateId").asText(),
                    letter.path("aggregateSequence").asText(), letter.path("first").asBoolean() ? "" : " (waiting)",
                    letter.path("causeType").asText(), letter.path("causeMessage").asText());
        }
        out.printf(Locale.ROOT, "%d dead letters%n", letters.size());
    }

    /** Writes a backup of the system of record to the file (replacing it only once the backup is complete). */
    public void backup(Path file) {
        long started = System.nanoTime();
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            int status = api.download("/api/admin/backup", partial);
            if (status != 200) {
                String body = Files.readString(partial, StandardCharsets.UTF_8);
                Files.deleteIfExists(partial);
                throw new IllegalStateException("GET /api/admin/backup answered " + status + " " + body);
            }
            JsonNode manifest;
            try (ZipFile zip = new ZipFile(partial.toFile())) {
                ZipEntry entry = zip.getEntry("manifest.json");
                if (entry == null) {
                    throw new IllegalStateException("the backup broke off (no manifest); nothing written to " + file);
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    manifest = ApiClient.JSON.readTree(in);
                }
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.printf(Locale.ROOT, "backup of %,d events (up to global index %s, taken at %s): %s, %,d bytes, %.1f s%n",
                    manifest.path("events").asLong(), manifest.path("lastGlobalIndex").asText("-"),
                    manifest.path("takenAt").asText(), file, Files.size(file), (System.nanoTime() - started) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException("backup to " + file + " failed", e);
        }
    }

    /**
     * Prints how far the projections are (the slowest one's position against the head of the event store) until
     * every one has caught up; answers the exit code (1 if one is in error).
     */
    public int catchUp() {
        long started = System.nanoTime();
        while (true) {
            JsonNode processors = get("/api/admin/processors");
            long head = processors.path(0).path("headPosition").asLong();
            long behind = 0;
            String slowest = "-";
            int caughtUp = 0;
            int total = 0;
            for (JsonNode processor : processors) {
                if (!processor.path("replayable").asBoolean()) {
                    continue;
                }
                total++;
                if (processor.path("error").asBoolean()) {
                    out.printf(Locale.ROOT, "%n%s is in error: %s%n", processor.path("name").asText(),
                            processor.path("fault").path("error").asText(processor.path("fault").toString()));
                    return 1;
                }
                long lag = processor.path("lag").isNumber() ? processor.path("lag").asLong() : head;
                if (lag == 0 && processor.path("running").asBoolean()) {
                    caughtUp++;
                } else if (lag >= behind) {
                    behind = lag;
                    slowest = processor.path("name").asText();
                }
            }
            long done = head - behind;
            int filled = head == 0 ? WIDTH : (int) (WIDTH * done / head);
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(Locale.ROOT, "\r%-24s [%s%s] %,d/%,d  %d/%d projections caught up  %.0f s   ", slowest,
                    "#".repeat(filled), ".".repeat(WIDTH - filled), done, head, caughtUp, total, seconds);
            out.flush();
            if (caughtUp == total) {
                out.println();
                return 0;
            }
            sleep();
        }
    }

    private List<String> replayable() {
        List<String> names = new ArrayList<>();
        get("/api/admin/processors").forEach(processor -> {
            if (processor.path("replayable").asBoolean()) {
                names.add(processor.path("name").asText());
            }
        });
        return names;
    }

    private void print(String processor, JsonNode rebuild, boolean last) {
        long total = rebuild.path("eventsTotal").asLong();
        long done = rebuild.path("eventsProcessed").asLong();
        int filled = total == 0 ? (last ? WIDTH : 0) : (int) (WIDTH * Math.min(done, total) / total);
        out.printf(Locale.ROOT, "\r%-24s [%s%s] %,d/%,d  %,.0f/s  ETA %s  %-9s", processor, "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, rebuild.path("eventsPerSecond").asDouble(),
                rebuild.path("secondsLeft").isNumber() ? rebuild.path("secondsLeft").asText() + "s" : "-",
                rebuild.path("state").asText());
        if (last) {
            out.println();
        }
        out.flush();
    }

    private JsonNode get(String path) {
        return api.expect("GET", path, null, 200);
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
