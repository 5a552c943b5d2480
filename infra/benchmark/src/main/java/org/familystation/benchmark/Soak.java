package org.familystation.benchmark;

import org.familystation.loader.ApiClient;
import org.springframework.util.FileSystemUtils;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * {@code --mode=soak}: a mixed load ({@link Traffic}, every kind of the service-record and referral lifecycles, queries
 * and searches) on two application nodes for {@code loadSeconds}, with a fault every {@code faultEvery} seconds, in
 * turn: an application node killed with SIGKILL and started again, PostgreSQL's postmaster killed (its supervisor
 * restarts it), the Elasticsearch master node killed (likewise). Every {@code sampleEvery} seconds it samples
 * acknowledged commands, errors by code, the read side's lag (in events from the admin API, and in time until a
 * record is visible in PostgreSQL and in search) and each node's heap and RSS. At the end: acknowledged vs found in
 * the event store, through the API and in search.
 */
final class Soak {

    private static final List<String> FAULTS = List.of("application", "postgresql", "elasticsearch");
    /** The processors of service records: the families (issue 14), or before them one per projection. */
    private static final Set<String> WATCHED_PROCESSORS = Set.of("read-models", "search", "service-records",
            "service-record-search");

    private final Options options;
    private final List<AppProcess> nodes = new ArrayList<>();
    /** Faults and the lag windows being finished run beside the sampling loop, never on the common pool (1 thread). */
    private final ExecutorService background = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "soak-background");
        thread.setDaemon(true);
        return thread;
    });
    private Servers servers;
    private Traffic traffic;

    Soak(Options options) {
        this.options = options;
    }

    Map<String, Object> run() throws Exception {
        long runStart = System.nanoTime();
        FileSystemUtils.deleteRecursively(options.workDir());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("mode", "soak");
        report.put("date", Instant.now().toString());
        report.put("machine", Report.machine());
        report.put("options", Map.of("loadSeconds", options.loadSeconds(), "faultEvery", options.faultEvery(),
                "sampleEvery", options.sampleEvery(), "clients", options.clients(), "stations", options.stations(),
                "esNodes", options.esNodes(), "esHeap", options.esHeap(), "appHeap", options.appHeap()));
        Map<String, String> settings = NodesRun.nodeSettings(options);
        try (Servers started = Servers.startCluster(options.workDir(), options.esNodes(), options.esHeap())) {
            servers = started;
            try {
                nodes.add(AppProcess.start(options, servers, "node-0", settings));
                World world = NodesRun.buildWorld(new ApiClient(nodes.get(0).base(), "admin", "admin-demo"), options.stations());
                nodes.add(AppProcess.start(options, servers, "node-1", settings));
                traffic = new Traffic(world, bases(), true);
                // Written to by the fault and lag threads while the report is written out.
                List<Map<String, Object>> samples = new CopyOnWriteArrayList<>();
                List<Map<String, Object>> faults = new CopyOnWriteArrayList<>();
                List<CompletableFuture<Void>> lagResults = new ArrayList<>();
                ReadSide readSide = new ReadSide(servers);
                LagProbe[] probe = {new LagProbe(servers, readSide)};
                long[] watched = {0};
                traffic.watchRecords(id -> {
                    synchronized (probe) {
                        if (watched[0]++ % options.lagEvery() == 0) {
                            probe[0].answered(id, System.nanoTime());
                        }
                    }
                });
                traffic.start(options.clients());
                long start = System.nanoTime();
                long nextSample = options.sampleEvery();
                long nextFault = options.faultEvery();
                int faultCount = 0;
                CompletableFuture<Map<String, Object>> fault = null;
                while (true) {
                    long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
                    if (elapsed >= options.loadSeconds()) {
                        break;
                    }
                    if (elapsed >= nextFault && (fault == null || fault.isDone())) {
                        String kind = FAULTS.get(faultCount % FAULTS.size());
                        int round = faultCount / FAULTS.size();
                        faultCount++;
                        nextFault += options.faultEvery();
                        long at = elapsed;
                        fault = CompletableFuture.supplyAsync(() -> inject(kind, round, at), background);
                        CompletableFuture<Map<String, Object>> injected = fault;
                        injected.thenAccept(faults::add);
                    }
                    if (elapsed >= nextSample) {
                        nextSample += options.sampleEvery();
                        LagProbe finished;
                        synchronized (probe) {
                            finished = probe[0];
                            probe[0] = new LagProbe(servers, readSide);
                        }
                        Map<String, Object> sample = sample(elapsed);
                        samples.add(sample);
                        lagResults.add(CompletableFuture.runAsync(() -> {
                            try {
                                sample.put("visibilityLag", finished.finish(90));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }, background));
                        log(sample.toString());
                        Benchmark.writeJson(options, withSamples(report, samples, faults));
                    }
                    Thread.sleep(500);
                }
                traffic.stop();
                if (fault != null) {
                    fault.join();
                }
                synchronized (probe) {
                    probe[0].close();
                }
                CompletableFuture.allOf(lagResults.toArray(CompletableFuture[]::new)).join();
                report.put("samples", samples);
                report.put("faults", faults);
                report.put("totals", Map.of("acknowledged", traffic.acknowledgedCount(), "queries", traffic.queries.get(),
                        "errors", traffic.errorCount(), "errorsByCode", traffic.errorsByCode(),
                        "answersByKind", traffic.answersByKind(), "serverRestarts", servers.restarts()));
                log("load stopped; verifying " + traffic.acknowledgedCount() + " acknowledged commands");
                report.put("verification", verify());
                for (AppProcess node : nodes) {
                    if (node.alive()) {
                        report.put("memoryAtEnd", node.memory(true));
                        break;
                    }
                }
            } finally {
                for (AppProcess node : nodes) {
                    if (node.alive()) {
                        node.close();
                    }
                }
            }
        }
        report.put("durationSeconds", Math.round((System.nanoTime() - runStart) / 1e9));
        Benchmark.writeJson(options, report);
        return report;
    }

    private static Map<String, Object> withSamples(Map<String, Object> report, List<Map<String, Object>> samples,
                                                   List<Map<String, Object>> faults) {
        Map<String, Object> partial = new LinkedHashMap<>(report);
        partial.put("samples", List.copyOf(samples));
        partial.put("faults", List.copyOf(faults));
        return partial;
    }

    /** The nodes that run: one whose restart failed is not offered to the clients again. */
    private synchronized List<URI> bases() {
        return nodes.stream().filter(AppProcess::alive).map(AppProcess::base).toList();
    }

    /** One fault, and how long until what it broke answered again. */
    private Map<String, Object> inject(String kind, int round, long at) {
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("atSecond", at);
        fault.put("fault", kind);
        long started = System.nanoTime();
        try {
            switch (kind) {
                case "application" -> {
                    int index = round % 2;
                    AppProcess victim;
                    synchronized (this) {
                        victim = nodes.get(index);
                    }
                    fault.put("node", index);
                    log("fault: SIGKILL to application node " + index + " (pid " + victim.pid() + ")");
                    victim.kill();
                    synchronized (this) {
                        traffic.nodes(bases().stream().filter(base -> !base.equals(victim.base())).toList());
                    }
                    AppProcess restarted = AppProcess.start(options, servers, "node-" + index + "-" + (round + 1),
                            NodesRun.nodeSettings(options));
                    synchronized (this) {
                        nodes.set(index, restarted);
                        traffic.nodes(bases());
                    }
                }
                case "postgresql" -> {
                    int before = servers.restarts().get(0);
                    log("fault: SIGKILL to PostgreSQL's postmaster");
                    servers.killPostgres();
                    awaitRestart(0, before);
                }
                default -> {
                    int before = servers.restarts().get(1);
                    log("fault: SIGKILL to Elasticsearch node es-1");
                    servers.elasticsearchNode(0).kill();
                    awaitRestart(1, before);
                }
            }
            fault.put("backAfterSeconds", Latencies.round((System.nanoTime() - started) / 1e9));
        } catch (Exception e) {
            fault.put("error", e.toString());
        }
        log("fault done: " + fault);
        return fault;
    }

    private void awaitRestart(int server, int before) throws InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (servers.restarts().get(server) == before && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    private Map<String, Object> sample(long elapsed) {
        Map<String, Object> sample = new ConcurrentSkipListMap<>();
        sample.put("second", elapsed);
        sample.put("acknowledged", traffic.acknowledgedCount());
        sample.put("queries", traffic.queries.get());
        sample.put("errors", traffic.errorCount());
        List<AppProcess> serving;
        synchronized (this) {
            serving = List.copyOf(nodes);
        }
        Map<String, Object> lag = new LinkedHashMap<>();
        Map<String, Object> memory = new LinkedHashMap<>();
        for (int n = 0; n < serving.size(); n++) {
            AppProcess node = serving.get(n);
            try {
                memory.put("node" + n, node.memory(false));
            } catch (Exception e) {
                memory.put("node" + n, e.toString());
            }
            if (lag.isEmpty()) {
                ApiClient.Answer processors = new ApiClient(node.base(), "admin", "admin-demo").send("GET", "/api/admin/processors", null);
                if (processors.status() == 200) {
                    for (JsonNode processor : processors.json()) {
                        if (WATCHED_PROCESSORS.contains(processor.path("name").asText())) {
                            lag.put(processor.path("name").asText(), processor.path("lag").asLong());
                        }
                    }
                }
            }
        }
        sample.put("lagEvents", lag);
        sample.put("memory", memory);
        sample.put("serverRestarts", servers.restarts());
        return sample;
    }

    private Map<String, Object> verify() throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        List<Traffic.Acknowledged> acknowledged = new ArrayList<>(traffic.acknowledged);
        result.put("acknowledged", acknowledged.size());
        List<Traffic.Acknowledged> missing = Traffic.missingFromEventStore(servers, acknowledged);
        result.put("missingFromEventStore", missing.size());
        result.put("acknowledgedByEvent", acknowledged.stream()
                .collect(Collectors.groupingBy(Traffic.Acknowledged::event, java.util.TreeMap::new, Collectors.counting())));
        // Voided records leave the search index; they are looked for in the event store only.
        Set<String> voided = acknowledged.stream().filter(ack -> ack.event().equals("ServiceRecordVoided"))
                .map(Traffic.Acknowledged::aggregateId).collect(Collectors.toSet());
        List<String> records = traffic.records.stream().filter(id -> !voided.contains(id)).toList();
        result.put("serviceRecordsNotVoided", records.size());
        URI node;
        synchronized (this) {
            node = nodes.stream().filter(AppProcess::alive).findFirst().orElseThrow().base();
        }
        result.put("foundThroughApi", NodesRun.foundThroughApi(node, records));
        result.put("searchable", NodesRun.searchable(servers, records));
        result.put("clusterHealthAfter", NodesRun.clusterHealth(servers));
        return result;
    }

    private static void log(String message) {
        System.out.println("[soak " + Instant.now() + "] " + message);
    }
}
