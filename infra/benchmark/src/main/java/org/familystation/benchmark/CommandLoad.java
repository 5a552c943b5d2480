package org.familystation.benchmark;

import org.familystation.loader.ApiClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * RecordService over HTTP as station workers send it: {@code clients} clients each sending one command after the
 * other for a fixed time, spread over every station or (skewed) with most of the traffic on three busy stations.
 * Every {@code lagEvery}-th answered command is watched by a {@link LagProbe}.
 */
final class CommandLoad {

    /** In the skewed case this share of the commands goes to the three busiest stations. */
    private static final double BUSY_SHARE = 0.8;
    private static final int BUSY_STATIONS = 3;
    private static final int IDLE_SAMPLE_SECONDS = 5;

    private final ApiClient worker;
    private final ApiClient admin;
    private final World world;
    private final Servers servers;
    private final ReadSide readSide;
    private final Options options;
    private final long appPid;

    /** @param admin reads the node's metrics: how its flow control let the changes in ({@link AdmissionSampler}) */
    CommandLoad(ApiClient worker, ApiClient admin, World world, Servers servers, ReadSide readSide, Options options,
                long appPid) {
        this.appPid = appPid;
        this.worker = worker;
        this.admin = admin;
        this.world = world;
        this.servers = servers;
        this.readSide = readSide;
        this.options = options;
    }

    Map<String, Object> run(int clients, boolean skewed, int lagTimeoutSeconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicLong sent = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicBoolean costing = new AtomicBoolean();
        AtomicLong acknowledged = new AtomicLong();
        Map<String, Long> errorsByStatus = new ConcurrentHashMap<>();
        Map<String, String> firstErrorByStatus = new ConcurrentHashMap<>();
        Latencies latencies = new Latencies();
        LagProbe lag = new LagProbe(servers, readSide);
        // One command first, unmeasured: a freshly started application answers its first one slowly.
        ApiClient.Answer first = worker.send("POST", "/api/stations/" + world.stations.get(0).id() + "/service-records",
                world.record(new Random(clients), world.stations.get(0), World.newId()));
        if (first.status() != 201) {
            throw new IllegalStateException("RecordService answered " + first.status() + ": " + first.body());
        }
        // What the system costs doing nothing (processors polling, housekeeping), so that a load whose throughput
        // collapses on a saturated machine can still be judged net of it: at 13 commands/s the background alone
        // would read as tens of milliseconds per command.
        Map<String, Double> idleStart = CpuTimes.snapshot(appPid, options.workDir(), lag.backendPid());
        long idleFrom = System.nanoTime();
        Thread.sleep(IDLE_SAMPLE_SECONDS * 1_000L);
        Map<String, Double> idle = CpuTimes.between(idleStart,
                CpuTimes.snapshot(appPid, options.workDir(), lag.backendPid()));
        double idleSeconds = (System.nanoTime() - idleFrom) / 1e9;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Random random = new Random(clients * 1_000L + c + (skewed ? 7 : 0));
            Thread thread = new Thread(() -> {
                while (!stop.get()) {
                    World.Station station = skewed && random.nextDouble() < BUSY_SHARE
                            ? world.stations.get(random.nextInt(BUSY_STATIONS))
                            : World.pick(random, world.stations);
                    String id = World.newId();
                    ApiClient.Answer answer = worker.send("POST", "/api/stations/" + station.id() + "/service-records",
                            world.record(random, station, id));
                    long answered = System.nanoTime();
                    if (costing.get() && answer.status() == 201) {
                        acknowledged.incrementAndGet();
                    }
                    if (!measuring.get()) {
                        continue;
                    }
                    latencies.add(answer.nanos());
                    if (answer.status() != 201) {
                        errors.incrementAndGet();
                        errorsByStatus.merge(Integer.toString(answer.status()), 1L, Long::sum);
                        firstErrorByStatus.putIfAbsent(Integer.toString(answer.status()), answer.problem());
                    } else if (sent.incrementAndGet() % options.lagEvery() == 1 % options.lagEvery()) {
                        lag.answered(id, answered);
                    }
                }
            }, "command-" + c);
            threads.add(thread);
            thread.start();
        }
        Thread.sleep(options.warmupSeconds() * 1_000L);
        // CPU from here until the read side has caught up with every command acknowledged from here on (those in
        // flight when the load stops included): the command's whole cost, its projections' work included.
        servers.statements().reset();
        Map<String, Double> cpuBefore = CpuTimes.snapshot(appPid, options.workDir(), lag.backendPid());
        long cpuFrom = System.nanoTime();
        costing.set(true);
        AdmissionSampler admission = new AdmissionSampler(admin);
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(options.commandSeconds() * 1_000L);
        measuring.set(false);
        Map<String, Object> admitted = admission.finish();
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("clients", clients);
        result.put("skewed", skewed);
        result.put("seconds", Latencies.round(elapsed));
        result.put("commands", latencies.count());
        result.put("commandsPerSecond", Math.round(latencies.count() / elapsed));
        result.put("latency", latencies.summary());
        result.put("errors", errors.get());
        result.put("errorsByStatus", errorsByStatus);
        result.put("firstErrorByStatus", firstErrorByStatus);
        result.put("admission", admitted);
        lag.awaitVisible(lagTimeoutSeconds);
        double catchUp = readSide.awaitCaughtUp(lagTimeoutSeconds);
        Map<String, Object> cpu = CpuTimes.per(cpuBefore,
                CpuTimes.snapshot(appPid, options.workDir(), lag.backendPid()), acknowledged.get(), "command");
        cpu.put("catchUpSeconds", catchUp);
        cpu.putAll(CpuTimes.netOfIdle(cpu, idle, idleSeconds, (System.nanoTime() - cpuFrom) / 1e9, "command"));
        result.put("lag", lag.finish(0));
        result.put("cpu", cpu);
        servers.statements().readInto(result, "postgresStatements", acknowledged.get(), "command");
        return result;
    }
}
