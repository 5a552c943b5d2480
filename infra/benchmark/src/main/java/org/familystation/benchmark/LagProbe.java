package org.familystation.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.loader.ApiClient;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-side lag, measured from outside: for a sample of the commands, the time from the command's answer until its
 * record is in the PostgreSQL read model (rm_service_record) and until a search can find it (an ids query against
 * the search alias, which like the application's searches sees only refreshed documents). Both are polled in one
 * query each for every pending record, every {@value #POLL_MILLIS} ms, so the figures are precise to about that.
 */
final class LagProbe implements AutoCloseable {

    private static final int POLL_MILLIS = 10;

    private final Servers servers;
    private final ReadSide readSide;
    private final Map<String, Long> pendingDatabase = new HashMap<>();
    private final Map<String, Long> pendingSearch = new HashMap<>();
    private final Latencies database = new Latencies();
    private final Latencies search = new Latencies();
    private final Thread poller;
    private volatile boolean stopped;
    private volatile long backendPid = -1;

    LagProbe(Servers servers, ReadSide readSide) {
        this.servers = servers;
        this.readSide = readSide;
        this.poller = new Thread(this::poll, "lag-probe");
        poller.setDaemon(true);
        poller.start();
    }

    /** A command was answered now: its record's visibility is to be watched. */
    synchronized void answered(String serviceRecordId, long answeredNanos) {
        pendingDatabase.put(serviceRecordId, answeredNanos);
        pendingSearch.put(serviceRecordId, answeredNanos);
    }

    /** Waits until every watched record is visible or the timeout passes; answers the lag figures. */
    Map<String, Object> finish(int timeoutSeconds) throws InterruptedException {
        awaitVisible(timeoutSeconds);
        stopped = true;
        poller.join();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("postgres", summary(database, pendingDatabase));
        result.put("search", summary(search, pendingSearch));
        return result;
    }

    /** Waits until every watched record is visible or the timeout passes, still polling. */
    void awaitVisible(int timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline && pending() > 0) {
            Thread.sleep(50);
        }
    }

    /**
     * The PostgreSQL backend serving the probe's polls (-1 before it connected): its CPU is the harness's, not the
     * system's, and while it lives a CPU measurement can leave it out (once it exits its time is its postmaster's).
     */
    long backendPid() {
        return backendPid;
    }

    /**
     * A record still invisible when the probe gives up counts with the time it has waited so far, a lower bound of
     * its lag: leaving it out would make a read side that falls behind look fast.
     */
    private synchronized Map<String, Object> summary(Latencies lag, Map<String, Long> unseen) {
        long now = System.nanoTime();
        unseen.values().forEach(answered -> lag.add(now - answered));
        Map<String, Object> summary = lag.summary();
        summary.put("notVisibleWhenProbeGaveUp", unseen.size());
        return summary;
    }

    private synchronized int pending() {
        return pendingDatabase.size() + pendingSearch.size();
    }

    /** Polls until stopped; a server that died (the soak kills them) is connected to again when it is back. */
    private void poll() {
        while (!stopped) {
            try {
                pollConnected();
            } catch (Exception e) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void pollConnected() throws Exception {
        try (Connection connection = servers.connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT service_record_id FROM rm_service_record WHERE service_record_id = ANY(?)")) {
            try (var statement = connection.createStatement(); ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
                pid.next();
                backendPid = pid.getLong(1);
            }
            while (!stopped) {
                List<String> inDatabase;
                List<String> inSearch;
                synchronized (this) {
                    inDatabase = new ArrayList<>(pendingDatabase.keySet());
                    inSearch = new ArrayList<>(pendingSearch.keySet());
                }
                if (!inDatabase.isEmpty()) {
                    select.setArray(1, connection.createArrayOf("varchar", inDatabase.toArray()));
                    try (ResultSet rows = select.executeQuery()) {
                        long now = System.nanoTime();
                        while (rows.next()) {
                            seen(pendingDatabase, database, rows.getString(1), now);
                        }
                    }
                }
                if (!inSearch.isEmpty()) {
                    String ids = ApiClient.JSON.writeValueAsString(inSearch);
                    HttpResponse<String> found = readSide.es("POST", "/service-records/_search",
                            "{\"size\": " + inSearch.size() + ", \"_source\": false, \"query\": {\"ids\": {\"values\": "
                                    + ids + "}}}");
                    long now = System.nanoTime();
                    if (found.statusCode() == 200) {
                        for (JsonNode hit : ApiClient.JSON.readTree(found.body()).path("hits").path("hits")) {
                            seen(pendingSearch, search, hit.path("_id").asText(), now);
                        }
                    }
                }
                Thread.sleep(POLL_MILLIS);
            }
        }
    }

    private synchronized void seen(Map<String, Long> pending, Latencies lag, String id, long now) {
        Long answered = pending.remove(id);
        if (answered != null) {
            lag.add(now - answered);
        }
    }

    @Override
    public void close() {
        stopped = true;
    }
}
