package org.familystation.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.familystation.loader.ApiClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The read side seen from outside the application: the projections' positions in the event store (their tokens in
 * token_entry) and the means to throw every read model away so that the application rebuilds it from the events.
 */
final class ReadSide {

    /**
     * The processors of the search indexes: the family {@code search} (issue 14), or before it one per index; every
     * other projection processor writes PostgreSQL read models. Both, so that the harness measures either jar.
     */
    static final List<String> SEARCH_PROCESSORS = List.of("search", "service-record-search", "needs-survey-search");
    private static final List<String> SEARCH_ALIASES = List.of("service-records", "needs-surveys");
    /**
     * On a saturated machine (load average 30–50 on two cores) a projection's token stood still for more than 15 s
     * while it was still hundreds of events behind: it was taken as finished and its replay ran on into the command
     * loads. A processor with nothing to do reaches the head anyway.
     */
    private static final int IDLE_SECONDS = 60;
    private static final int CAUGHT_UP_STILL_SECONDS = 3;
    /** How long after the first processor's token a replay waits for the others' before it can end. */
    private static final int SETTLE_SECONDS = 10;
    private static final double POLL_SECONDS = 0.2;
    /** The application's {@code familystation.query.as-of-snapshots.every} and {@code head-every} (its defaults). */
    static final long SNAPSHOT_EVERY = 5_000;
    static final long SNAPSHOT_HEAD_EVERY = 1_000;
    /** How long the application may take to start its processors; a replay's timeout counts from then. */
    private static final long STARTUP_ALLOWANCE = 600_000_000_000L;

    private final Servers servers;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ReadSide(Servers servers) {
        this.servers = servers;
    }

    /** Projections are every processor but the sagas' (replaying a saga would act again, not rebuild a view). */
    static boolean isProjection(String processor) {
        return !processor.endsWith("SagaProcessor");
    }

    /**
     * With the application stopped: deletes the projections' tokens and dead letters, empties every rm_ table and
     * deletes the search indexes behind their aliases. At its next start the application rebuilds all of them from
     * the first event (a processor without a token starts at the tail of the event stream).
     *
     * @return the processors whose tokens were deleted
     */
    List<String> reset() throws Exception {
        List<String> processors = new ArrayList<>(positions().keySet());
        processors.removeIf(processor -> !isProjection(processor));
        try (Connection connection = servers.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (String processor : processors) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM token_entry WHERE processor_name = ?")) {
                    delete.setString(1, processor);
                    delete.executeUpdate();
                }
            }
            statement.execute("DELETE FROM dead_letter_entry");
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'rm\\_%'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            statement.execute("TRUNCATE " + String.join(", ", tables));
            connection.commit();
        }
        for (String alias : SEARCH_ALIASES) {
            HttpResponse<String> indices = es("GET", "/_alias/" + alias, null);
            if (indices.statusCode() == 200) {
                for (Iterator<String> names = ApiClient.JSON.readTree(indices.body()).fieldNames(); names.hasNext(); ) {
                    es("DELETE", "/" + names.next(), null);
                }
            }
        }
        return processors;
    }

    /**
     * Every processor's position: the lowest position of its segments (it has handled every event up to there), -1
     * for a processor whose segments have no token yet.
     */
    Map<String, Long> positions() throws Exception {
        try (Connection connection = servers.connect()) {
            return positions(connection);
        }
    }

    /**
     * On a connection of the caller's: a poll that opened one each time would start a PostgreSQL backend each time,
     * whose CPU the measured phase would count.
     */
    private static Map<String, Long> positions(Connection connection) throws Exception {
        Map<String, Long> positions = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT processor_name, token FROM token_entry")) {
            while (rows.next()) {
                long position = position(rows.getBytes(2));
                positions.merge(rows.getString(1), position, Math::min);
            }
        }
        return positions;
    }

    /**
     * Every processor's tokens, sagas' included, at the head of the store: as if they had handled what the seeder
     * appended behind the application's back. A processor of the seeded events would otherwise read them all at the
     * application's next start, beside the replay measured then (three sagas' coordinators were 11% of the
     * application's CPU samples in a 1M replay), though in a real replay they are at the head.
     */
    void moveTokensToHead() throws Exception {
        try (Connection connection = servers.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            long head = head(connection);
            List<Object[]> tokens = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT processor_name, segment, token FROM token_entry")) {
                while (rows.next()) {
                    tokens.add(new Object[]{rows.getString(1), rows.getInt(2), rows.getBytes(3)});
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE token_entry SET token = ? WHERE processor_name = ? AND segment = ?")) {
                for (Object[] token : tokens) {
                    if (token[2] != null && ApiClient.JSON.readTree((byte[]) token[2]) instanceof ObjectNode gapAware
                            && gapAware.has("index")) {
                        gapAware.put("index", head);
                        gapAware.putArray("gaps");
                        update.setBytes(1, ApiClient.JSON.writeValueAsBytes(gapAware));
                        update.setString(2, (String) token[0]);
                        update.setInt(3, (Integer) token[1]);
                        update.executeUpdate();
                    }
                }
            }
            connection.commit();
        }
    }

    /** The position of the latest as-of snapshot, -1 without any. */
    long latestSnapshot() throws Exception {
        try (Connection connection = servers.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT coalesce(max(global_index), -1) FROM as_of_snapshot")) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * The position the as-of snapshotter's latest snapshot reaches once it has caught up with {@code head}, taking one
     * at every multiple of {@code every} and one at the head when that is at least {@value #SNAPSHOT_HEAD_EVERY} (or
     * {@code every}) past the last, as the application's NetworkSnapshotter decides it; {@code latest} (-1: none)
     * when there is nothing to take.
     */
    static long snapshotDue(long head, long latest, long every) {
        long multiple = head / every * every;
        long last = multiple > Math.max(latest, 0) ? multiple : latest;
        boolean atHead = head % every != 0 && head - last >= Math.min(every, SNAPSHOT_HEAD_EVERY);
        return atHead ? head : last;
    }

    /** Deadlocks PostgreSQL has detected (and broken by failing a transaction) in the database so far. */
    long deadlocks() throws Exception {
        try (Connection connection = servers.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The rows of each table (the dashboards' counters: kept in parts, they are what a dashboard sums). */
    Map<String, Long> rows(List<String> tables) throws Exception {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection connection = servers.connect(); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    count.next();
                    rows.put(table, count.getLong(1));
                }
            }
        }
        return rows;
    }

    /** Each processor's segments (its tokens). */
    Map<String, Long> segments() throws Exception {
        Map<String, Long> segments = new TreeMap<>();
        try (Connection connection = servers.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT processor_name, count(*) FROM token_entry GROUP BY processor_name")) {
            while (rows.next()) {
                segments.put(rows.getString(1), rows.getLong(2));
            }
        }
        return segments;
    }

    long head() throws Exception {
        try (Connection connection = servers.connect()) {
            return head(connection);
        }
    }

    private static long head(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet max = statement.executeQuery("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")) {
            max.next();
            return max.getLong(1);
        }
    }

    /**
     * After a load: waits until every processor has handled every event stored so far (its position at the head), or
     * has not moved for {@value #CAUGHT_UP_STILL_SECONDS} s (a pooled processor leaves a segment's token where it is
     * while none of the new events is for it; one at work moves it with every batch), or the timeout passes. So the
     * projections' work for the load's commands falls inside a CPU measurement that ends here.
     *
     * @return seconds waited
     */
    double awaitCaughtUp(int timeoutSeconds) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeoutSeconds * 1_000_000_000L;
        try (Connection connection = servers.connect()) {
            long head = head(connection);
            Map<String, Long> lastPosition = new HashMap<>();
            Map<String, Long> lastMoved = new HashMap<>();
            while (System.nanoTime() < deadline) {
                long now = System.nanoTime();
                boolean caughtUp = true;
                for (var processor : positions(connection).entrySet()) {
                    if (!processor.getValue().equals(lastPosition.put(processor.getKey(), processor.getValue()))) {
                        lastMoved.put(processor.getKey(), now);
                    }
                    caughtUp &= processor.getValue() >= head
                            || now - lastMoved.get(processor.getKey()) > CAUGHT_UP_STILL_SECONDS * 1_000_000_000L;
                }
                if (caughtUp) {
                    break;
                }
                Thread.sleep((long) (POLL_SECONDS * 1000));
            }
        }
        return Latencies.round((System.nanoTime() - start) / 1e9);
    }

    /** A token's position: GapAwareTrackingToken {"index": n, …}, or the current token inside a ReplayToken. */
    static long position(byte[] token) throws Exception {
        if (token == null) {
            return -1;
        }
        JsonNode json = ApiClient.JSON.readTree(token);
        while (json.has("currentToken")) {
            json = json.get("currentToken");
        }
        return json.has("index") ? json.get("index").asLong() : json.path("globalIndex").asLong(-1);
    }

    /**
     * After {@link #reset()}: polls the tokens until every projection processor of the launched application has caught
     * up or the timeout passes; for each, events handled per second from when its first token appeared (when the
     * processor started). The processors are those whose tokens appear after the reset (sagas left out), not those the
     * reset deleted: the application measured may name its processors otherwise than the one that left the history
     * (one per projection before issue 14, one per family since), and they all start within
     * {@value #SETTLE_SECONDS} s of the first. A processor has caught up when all its segments are at the head of the
     * event store, or when its tokens have moved and then not again for {@value #IDLE_SECONDS} s: a pooled processor
     * leaves a segment's token where it is while none of the new events is for it (a projection of alliance
     * conventions, say, during a replay of service records), and a processor at work moves its token with every batch.
     */
    Map<String, Object> awaitReplay(int timeoutSeconds, AppProcess app) throws Exception {
        return awaitReplay(timeoutSeconds, app, () -> { });
    }

    /**
     * @param app     the application replaying: a replay it can no longer finish (it exited) fails at once, instead
     *                of waiting out the timeout
     * @param started run once, when the first processor has a token (the application's processors have started)
     */
    Map<String, Object> awaitReplay(int timeoutSeconds, AppProcess app, Runnable started) throws Exception {
        try (Connection connection = servers.connect()) {
            return awaitReplay(connection, timeoutSeconds, app, started);
        }
    }

    private Map<String, Object> awaitReplay(Connection connection, int timeoutSeconds, AppProcess app,
                                            Runnable started) throws Exception {
        long head = head(connection);
        Set<String> processors = new TreeSet<>();
        Map<String, Long> firstSeen = new HashMap<>();
        Map<String, Long> lastPosition = new HashMap<>();
        Map<String, Long> lastMoved = new HashMap<>();
        Map<String, Double> doneSeconds = new LinkedHashMap<>();
        long start = System.nanoTime();
        long firstToken = -1;
        // Until a processor has started (the application may take minutes on a loaded machine) the timeout waits.
        long deadline = start + STARTUP_ALLOWANCE;
        Map<String, Long> positions = Map.of();
        while (System.nanoTime() < deadline) {
            app.checkRunning();
            positions = positions(connection);
            long now = System.nanoTime();
            positions.keySet().stream().filter(ReadSide::isProjection).forEach(processors::add);
            if (firstToken < 0 && !processors.isEmpty()) {
                firstToken = now;
                deadline = now + timeoutSeconds * 1_000_000_000L;
                started.run();
            }
            for (String processor : processors) {
                Long position = positions.get(processor);
                if (position == null || doneSeconds.containsKey(processor)) {
                    continue;
                }
                firstSeen.putIfAbsent(processor, now);
                if (!position.equals(lastPosition.get(processor))) {
                    lastPosition.put(processor, position);
                    lastMoved.put(processor, now);
                }
                if (position >= head) {
                    doneSeconds.put(processor, (now - firstSeen.get(processor)) / 1e9);
                } else if (position > 0 && now - lastMoved.get(processor) > IDLE_SECONDS * 1_000_000_000L) {
                    doneSeconds.put(processor, (lastMoved.get(processor) - firstSeen.get(processor)) / 1e9);
                }
            }
            if (firstToken >= 0 && doneSeconds.size() == processors.size()
                    && now - firstToken > SETTLE_SECONDS * 1_000_000_000L) {
                break;
            }
            Thread.sleep((long) (POLL_SECONDS * 1000));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("events", head);
        Map<String, Object> perProcessor = new TreeMap<>();
        long now = System.nanoTime();
        for (String processor : processors) {
            Map<String, Object> figures = new LinkedHashMap<>();
            long reached = Math.max(0, positions.getOrDefault(processor, 0L));
            boolean done = doneSeconds.containsKey(processor);
            double seconds = done ? doneSeconds.get(processor)
                    : (now - firstSeen.getOrDefault(processor, start)) / 1e9;
            figures.put("finished", done);
            figures.put("reachedHead", reached >= head);
            figures.put("seconds", Latencies.round(seconds));
            // Its tokens were deleted: it started from the first event. A replay shorter than a poll counts as one poll.
            figures.put("eventsPerSecond", Math.round(reached / Math.max(seconds, POLL_SECONDS)));
            perProcessor.put(processor, figures);
        }
        result.put("processors", perProcessor);
        return result;
    }

    /**
     * For the baseline, which runs one segment per processor: every processor's tokens become one segment 0 at the
     * position its segments had reached together (the lowest), so that the tracking processor starts where the
     * tuned processors stopped instead of replaying.
     */
    void collapseToOneSegment() throws Exception {
        try (Connection connection = servers.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            Map<String, byte[]> lowest = new HashMap<>();
            Map<String, Long> lowestPosition = new HashMap<>();
            try (ResultSet rows = statement.executeQuery("SELECT processor_name, token FROM token_entry")) {
                while (rows.next()) {
                    long position = position(rows.getBytes(2));
                    String processor = rows.getString(1);
                    if (!lowestPosition.containsKey(processor) || position < lowestPosition.get(processor)) {
                        lowestPosition.put(processor, position);
                        lowest.put(processor, rows.getBytes(2));
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                         "DELETE FROM token_entry WHERE processor_name = ? AND segment <> 0");
                 PreparedStatement update = connection.prepareStatement(
                         "UPDATE token_entry SET token = ?, owner = NULL WHERE processor_name = ? AND segment = 0")) {
                for (var entry : lowest.entrySet()) {
                    delete.setString(1, entry.getKey());
                    delete.executeUpdate();
                    update.setBytes(1, entry.getValue());
                    update.setString(2, entry.getKey());
                    update.executeUpdate();
                }
            }
            connection.commit();
        }
    }

    HttpResponse<String> es(String method, String path, String json) throws Exception {
        URI uri = servers.elasticsearch().resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
