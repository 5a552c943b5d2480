package org.familystation.benchmark;

import org.familystation.loader.ApiClient;
import org.springframework.util.FileSystemUtils;
import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.events.common.CityCentre;
import org.familystation.events.common.ReferenceScenario;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code --mode=nodes}: several nodes, proven (issue 13 §5). One PostgreSQL and a two-node Elasticsearch cluster
 * (replicas 1), started as external servers; two application nodes as separate JVMs configured for them, as the
 * README's "Scaling out" runs them. Commands go to both; under load the node that holds the event processors'
 * segments is killed with SIGKILL, later the second Elasticsearch node. Reported: acknowledged commands and how many
 * of them are in the event store, found through the survivor's API and searchable; how long the survivor took to
 * claim the dead node's segments; and each referral's acceptance deadline run exactly once (one
 * ReferralAcceptanceOverdue per referral, none missing, no due deadline left).
 */
final class NodesRun {

    /** Referrals are due this long after they are made, so that their deadlines fall due during the run. */
    static final int ACCEPTANCE_LIMIT_SECONDS = 20;
    private static final int SETTLE_TIMEOUT_SECONDS = 240;

    private final Options options;

    NodesRun(Options options) {
        this.options = options;
    }

    /** The settings of every application node of a several-node run (environment variables). */
    static Map<String, String> nodeSettings(Options options) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("FAMILYSTATION_SEARCH_REPLICAS", options.esNodes() > 1 ? "1" : "0");
        settings.put("FAMILYSTATION_REFERRALS_ACCEPTANCE_LIMIT", ACCEPTANCE_LIMIT_SECONDS + "s");
        settings.put("FAMILYSTATION_DEADLINES_POLLING_INTERVAL", "2s");
        return settings;
    }

    /** This mode's nodes: {@link #nodeSettings} and more time to open a connection while they start. */
    private static Map<String, String> startupLenientSettings(Options options) {
        Map<String, String> settings = nodeSettings(options);
        // Opening a PostgreSQL connection took over the application's 3 s (Hikari's connection-timeout, which also
        // bounds the driver's sign-in) on the shared machine (load average 27-62 on 2 cores), and a node failed to
        // start. PostgreSQL is not stopped in this mode, so a longer wait for a connection changes nothing else.
        settings.put("--spring.datasource.hikari.connection-timeout", "30000");
        settings.put("--spring.datasource.hikari.data-source-properties.connectTimeout", "30");
        settings.put("--spring.datasource.hikari.data-source-properties.loginTimeout", "30");
        return settings;
    }

    /** The network, and the rights centre whose demo account answers referrals. */
    static World buildWorld(ApiClient admin, int stations) {
        World world = World.build(admin, stations);
        admin.expect("POST", "/api/units", Map.of("unitId", ReferenceScenario.cityCentreId(CityCentre.RIGHTS_SERVICE_CENTRE),
                "level", "CITY_CENTRE", "name", CityCentre.RIGHTS_SERVICE_CENTRE.label(),
                "parentUnitId", ReferenceScenario.HEADQUARTERS_ID), 201);
        return world;
    }

    Map<String, Object> run() throws Exception {
        long runStart = System.nanoTime();
        FileSystemUtils.deleteRecursively(options.workDir());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("mode", "nodes");
        report.put("date", Instant.now().toString());
        report.put("machine", Report.machine());
        report.put("options", Map.of("loadSeconds", options.loadSeconds(), "clients", options.clients(),
                "stations", options.stations(), "esNodes", options.esNodes(), "esHeap", options.esHeap(),
                "appHeap", options.appHeap(), "acceptanceLimitSeconds", ACCEPTANCE_LIMIT_SECONDS));
        Map<String, String> settings = startupLenientSettings(options);
        try (Servers servers = Servers.startCluster(options.workDir(), options.esNodes(), options.esHeap())) {
            log("servers up: PostgreSQL, " + options.esNodes() + " Elasticsearch node(s); starting application node a");
            AppProcess a = AppProcess.start(options, servers, "node-a", settings);
            AppProcess b = null;
            try {
                World world = buildWorld(new ApiClient(a.base(), "admin", "admin-demo"), options.stations());
                log("starting application node b");
                b = AppProcess.start(options, servers, "node-b", settings);
                Map<String, Long> claimsBefore = segmentsByOwner(servers);
                report.put("segmentsBefore", Map.of("a", owned(claimsBefore, a), "b", owned(claimsBefore, b)));
                // The node holding the segments dies: the other has to take them over.
                AppProcess victim = owned(claimsBefore, a) >= owned(claimsBefore, b) ? a : b;
                AppProcess survivor = victim == a ? b : a;
                report.put("killed", victim == a ? "a" : "b");

                Traffic traffic = new Traffic(world, List.of(a.base(), b.base()), false);
                traffic.start(options.clients());
                int third = Math.max(1, options.loadSeconds() / 3);
                Thread.sleep(third * 1_000L);
                long ackBeforeKill = traffic.acknowledgedCount();
                log("killing application node " + report.get("killed") + " (pid " + victim.pid() + ") with SIGKILL after "
                        + ackBeforeKill + " acknowledged commands");
                long killedAt = System.nanoTime();
                victim.kill();
                traffic.nodes(List.of(survivor.base()));
                report.put("claim", awaitClaims(servers, victim.pid(), survivor.pid(), killedAt));
                log("segments claimed: " + report.get("claim"));
                long remaining = Math.max(0, 2L * third * 1_000 - (System.nanoTime() - killedAt) / 1_000_000);
                Thread.sleep(remaining / 2);
                if (servers.elasticsearchNodes() > 1) {
                    log("killing Elasticsearch node es-2 with SIGKILL (left dead)");
                    servers.elasticsearchNode(1).stopSupervising();
                    servers.elasticsearchNode(1).kill();
                    report.put("elasticsearchKilledAfterSeconds", Math.round((System.nanoTime() - runStart) / 1e9));
                }
                Thread.sleep(remaining / 2);
                traffic.stop();
                log("load stopped: " + traffic.acknowledgedCount() + " acknowledged, errors " + traffic.errorsByCode());
                report.put("load", Map.of("acknowledged", traffic.acknowledgedCount(),
                        "acknowledgedBeforeKill", ackBeforeKill, "serviceRecords", traffic.records.size(),
                        "referrals", traffic.referrals.size(), "errorsByCode", traffic.errorsByCode(),
                        "answersByKind", traffic.answersByKind()));
                report.put("verification", verify(servers, survivor, traffic));
                report.put("clusterHealthAfter", clusterHealth(servers));
            } finally {
                if (b != null && b.alive()) {
                    b.close();
                }
                if (a.alive()) {
                    a.close();
                }
            }
        }
        report.put("durationSeconds", Math.round((System.nanoTime() - runStart) / 1e9));
        Benchmark.writeJson(options, report);
        return report;
    }

    /** Segments of every processor, by owner (Axon's node id: {@code pid@host}); unclaimed under "". */
    static Map<String, Long> segmentsByOwner(Servers servers) throws Exception {
        Map<String, Long> owners = new HashMap<>();
        try (Connection connection = servers.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT coalesce(owner, ''), count(*) FROM token_entry GROUP BY 1")) {
            while (rows.next()) {
                owners.put(rows.getString(1), rows.getLong(2));
            }
        }
        return owners;
    }

    private static long owned(Map<String, Long> owners, AppProcess node) {
        return owners.entrySet().stream().filter(entry -> entry.getKey().startsWith(node.pid() + "@"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Polls the token store until no segment is claimed by the dead node any more and the survivor holds them. */
    private static Map<String, Object> awaitClaims(Servers servers, long deadPid, long survivorPid, long killedAt)
            throws Exception {
        Map<String, Object> claim = new LinkedHashMap<>();
        long deadlineNanos = killedAt + 120_000_000_000L;
        Long releasedAfter = null;
        while (System.nanoTime() < deadlineNanos) {
            Map<String, Long> owners = segmentsByOwner(servers);
            long dead = owners.entrySet().stream().filter(e -> e.getKey().startsWith(deadPid + "@"))
                    .mapToLong(Map.Entry::getValue).sum();
            long unclaimed = owners.getOrDefault("", 0L);
            if (dead == 0 && releasedAfter == null) {
                releasedAfter = System.nanoTime() - killedAt;
            }
            if (dead == 0 && unclaimed == 0) {
                long all = owners.values().stream().mapToLong(Long::longValue).sum();
                claim.put("seconds", Latencies.round((System.nanoTime() - killedAt) / 1e9));
                claim.put("segments", all);
                claim.put("survivorHolds", owners.entrySet().stream()
                        .filter(e -> e.getKey().startsWith(survivorPid + "@")).mapToLong(Map.Entry::getValue).sum());
                return claim;
            }
            Thread.sleep(200);
        }
        claim.put("seconds", null);
        claim.put("notClaimedWithinSeconds", 120);
        claim.put("owners", segmentsByOwner(servers));
        return claim;
    }

    /**
     * Waits until the read side has settled, then looks for every acknowledged command: in the event store, through
     * the survivor's API (each service record by id), in the search index, and the referrals' deadlines.
     */
    private Map<String, Object> verify(Servers servers, AppProcess survivor, Traffic traffic) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        List<Traffic.Acknowledged> acknowledged = new ArrayList<>(traffic.acknowledged);
        result.put("acknowledged", acknowledged.size());
        result.put("missingFromEventStore", Traffic.missingFromEventStore(servers, acknowledged).size());
        List<String> records = new ArrayList<>(traffic.records);
        log("looking for " + records.size() + " acknowledged service records through the survivor and in search");
        result.put("serviceRecords", records.size());
        result.put("foundThroughSurvivor", foundThroughApi(survivor.base(), records));
        result.put("searchable", searchable(servers, records));
        result.put("deadlines", deadlines(servers, new ArrayList<>(traffic.referrals)));
        return result;
    }

    /** Every record by id through the node's API (as the auditor), waiting for the projection to catch up. */
    static Map<String, Object> foundThroughApi(URI node, List<String> records) throws Exception {
        ApiClient auditor = new ApiClient(node, "auditor", "auditor-demo");
        List<String> missing = new ArrayList<>(records);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            while (true) {
                List<Future<Boolean>> answers = new ArrayList<>();
                for (String id : missing) {
                    answers.add(pool.submit(() -> auditor.send("GET", "/api/service-records/" + id, null).status() == 200));
                }
                List<String> stillMissing = new ArrayList<>();
                for (int i = 0; i < missing.size(); i++) {
                    if (!answers.get(i).get()) {
                        stillMissing.add(missing.get(i));
                    }
                }
                missing = stillMissing;
                if (missing.isEmpty() || System.nanoTime() - start > SETTLE_TIMEOUT_SECONDS * 1_000_000_000L) {
                    break;
                }
                Thread.sleep(2_000);
            }
        } finally {
            pool.shutdown();
        }
        Map<String, Object> found = new LinkedHashMap<>();
        found.put("found", records.size() - missing.size());
        found.put("missing", missing.size());
        found.put("seconds", Latencies.round((System.nanoTime() - start) / 1e9));
        if (!missing.isEmpty()) {
            found.put("someMissing", missing.subList(0, Math.min(5, missing.size())));
        }
        return found;
    }

    /** Every record in the search index (an ids query on the alias, which sees refreshed documents only). */
    static Map<String, Object> searchable(Servers servers, List<String> records) throws Exception {
        ReadSide readSide = new ReadSide(servers);
        long start = System.nanoTime();
        long found = 0;
        while (true) {
            found = 0;
            for (int from = 0; from < records.size(); from += 1_000) {
                List<String> chunk = records.subList(from, Math.min(records.size(), from + 1_000));
                HttpResponse<String> answer = readSide.es("POST", "/service-records/_search",
                        "{\"size\": 0, \"track_total_hits\": true, \"query\": {\"ids\": {\"values\": "
                                + ApiClient.JSON.writeValueAsString(chunk) + "}}}");
                if (answer.statusCode() == 200) {
                    found += ApiClient.JSON.readTree(answer.body()).path("hits").path("total").path("value").asLong();
                }
            }
            if (found == records.size() || System.nanoTime() - start > SETTLE_TIMEOUT_SECONDS * 1_000_000_000L) {
                break;
            }
            Thread.sleep(2_000);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("found", found);
        result.put("missing", records.size() - found);
        result.put("seconds", Latencies.round((System.nanoTime() - start) / 1e9));
        return result;
    }

    /**
     * Each acknowledged referral went unanswered, so its acceptance deadline must have run once: exactly one
     * ReferralAcceptanceOverdue per referral, and no deadline left in {@code deadline_schedule} that is due.
     */
    private static Map<String, Object> deadlines(Servers servers, List<String> referrals) throws Exception {
        // The last referral is due ACCEPTANCE_LIMIT_SECONDS after it was made; the scheduler polls every 2 s.
        long start = System.nanoTime();
        Map<String, Long> flags;
        while (true) {
            flags = overdueFlags(servers, referrals);
            long dueLeft = dueDeadlinesLeft(servers);
            if ((flags.size() == referrals.size() && dueLeft == 0)
                    || System.nanoTime() - start > SETTLE_TIMEOUT_SECONDS * 1_000_000_000L) {
                break;
            }
            Thread.sleep(2_000);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("referrals", referrals.size());
        result.put("flaggedOnce", flags.values().stream().filter(count -> count == 1).count());
        result.put("flaggedMoreThanOnce", flags.values().stream().filter(count -> count > 1).count());
        result.put("notFlagged", referrals.size() - flags.size());
        result.put("dueDeadlinesLeft", dueDeadlinesLeft(servers));
        result.put("seconds", Latencies.round((System.nanoTime() - start) / 1e9));
        return result;
    }

    private static Map<String, Long> overdueFlags(Servers servers, List<String> referrals) throws Exception {
        Map<String, Long> flags = new HashMap<>();
        try (Connection connection = servers.connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT aggregate_identifier, count(*) FROM domain_event_entry WHERE aggregate_identifier = ANY(?)"
                        + " AND payload_type LIKE '%.ReferralAcceptanceOverdue' GROUP BY 1")) {
            select.setArray(1, connection.createArrayOf("varchar", referrals.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    flags.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return flags;
    }

    private static long dueDeadlinesLeft(Servers servers) throws Exception {
        try (Connection connection = servers.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT count(*) FROM deadline_schedule WHERE execution_time < now() - interval '10 seconds'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static Map<String, Object> clusterHealth(Servers servers) {
        try {
            HttpResponse<String> health = new ReadSide(servers).es("GET", "/_cluster/health", null);
            JsonNode json = ApiClient.JSON.readTree(health.body());
            return Map.of("status", json.path("status").asText(), "nodes", json.path("number_of_nodes").asInt(),
                    "unassignedShards", json.path("unassigned_shards").asInt());
        } catch (Exception e) {
            return Map.of("error", e.toString());
        }
    }

    static void log(String message) {
        System.out.println("[nodes " + Instant.now() + "] " + message);
    }
}
