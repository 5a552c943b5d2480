package org.familystation.embedded;

import org.familystation.platform.search.ElasticsearchEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A real Elasticsearch server running as a child process, with its data in a persistent folder.
 *
 * <p>The server is launched on a background thread as soon as this object exists, so the rest of the application
 * starts meanwhile; {@link #uri()} waits until the cluster is at least yellow.
 *
 * <p>Files in the state directory ({@code <data-dir>/elasticsearch}): {@code data/}, {@code logs/} and {@code tmp/}
 * (the server's own; moved below /var/tmp when the server's user cannot reach them), {@code console.log} (the
 * process output), {@code elasticsearch.pid} (to stop a server a killed application left behind) and
 * {@code embedded.lock} (held while an application uses the folder).
 */
public final class EmbeddedElasticsearch implements ElasticsearchEndpoint, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final int CONSOLE_TAIL_LINES = 40;

    private final Path stateDirectory;
    private final String heap;
    private final Path distribution;
    private final Duration startupTimeout;
    /** The first start's deadline: {@link #startupTimeout} but in tests of what a missed deadline leads to. */
    private final Duration firstStartTimeout;
    /** How the node finds its cluster: by default alone ({@code discovery.type=single-node}, any transport port). */
    private final List<String> discovery;
    private final Path pidFile;
    private final Path consoleLog;
    private final FileChannel lockChannel;
    private final FileLock lock;
    /** The first start's outcome: callers wait for it once; a later start that succeeds sets {@link #address}. */
    private final CompletableFuture<URI> ready = new CompletableFuture<>();
    /** Where the server answers, once any start (the first or the supervisor's) succeeded. */
    private volatile URI address;
    private final long createdNanos = System.nanoTime();

    // Guarded by this: the starter thread launches the process while close() may run on another thread.
    private Process process;
    private boolean closed;
    /** 0 (any free port) at the first start; then the port it chose, so a restarted server answers where it did. */
    private volatile int httpPort;
    private volatile Supervisor supervisor;
    private boolean unsupervised;
    /** Restarts that did not come up in time since the last one that did: each next one may take longer. */
    private int slowRestarts;

    private EmbeddedElasticsearch(Path stateDirectory, String heap, Path distribution, Duration startupTimeout,
                                  Duration firstStartTimeout, List<String> discovery) throws IOException {
        this.discovery = List.copyOf(discovery);
        this.stateDirectory = stateDirectory;
        this.heap = heap;
        this.distribution = distribution;
        this.startupTimeout = startupTimeout;
        this.firstStartTimeout = firstStartTimeout;
        this.pidFile = stateDirectory.resolve("elasticsearch.pid");
        this.consoleLog = stateDirectory.resolve("console.log");
        Files.createDirectories(stateDirectory);
        this.lockChannel = FileChannel.open(stateDirectory.resolve("embedded.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        this.lock = lockChannel.tryLock();
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException("Elasticsearch folder " + stateDirectory + " is in use by another process");
        }
    }

    /**
     * Launches the server in the background and returns at once.
     *
     * @param stateDirectory where the server keeps its data, logs and pid file
     * @param heap           JVM heap size, e.g. {@code 512m}
     * @param distribution   the Elasticsearch distribution zip
     */
    public static EmbeddedElasticsearch start(Path stateDirectory, String heap, Path distribution,
                                              Duration startupTimeout) throws IOException {
        return startWithFirstDeadline(stateDirectory, heap, distribution, startupTimeout, startupTimeout);
    }

    /**
     * As {@link #start(Path, String, Path, Duration)}, with a first start held to its own deadline: a deadline no
     * server can meet shows, on any machine, what a first start that misses it leads to.
     */
    static EmbeddedElasticsearch startWithFirstDeadline(Path stateDirectory, String heap, Path distribution,
                                                           Duration firstStartTimeout, Duration startupTimeout)
            throws IOException {
        return launchInBackground(new EmbeddedElasticsearch(stateDirectory.toAbsolutePath().normalize(), heap,
                distribution, startupTimeout, firstStartTimeout,
                List.of("-Ediscovery.type=single-node", "-Etransport.port=0")));
    }

    /**
     * Launches one node of a cluster (the benchmark harness's several-node runs) from the distribution this build
     * resolved: {@code discovery} replaces the single-node discovery, e.g. {@code -Etransport.port=9301},
     * {@code -Ediscovery.seed_hosts=…}, {@code -Ecluster.initial_master_nodes=…}, {@code -Enode.name=…}.
     */
    public static EmbeddedElasticsearch startClusterNode(Path stateDirectory, String heap, Duration startupTimeout,
                                                         List<String> discovery) throws IOException {
        return launchInBackground(new EmbeddedElasticsearch(stateDirectory.toAbsolutePath().normalize(), heap,
                ElasticsearchInstallation.defaultDistribution(), startupTimeout, startupTimeout, discovery));
    }

    private static EmbeddedElasticsearch launchInBackground(EmbeddedElasticsearch server) {
        Thread starter = new Thread(server::launch, "embedded-elasticsearch-starter");
        starter.setDaemon(true);
        starter.start();
        return server;
    }

    /** Launches the server from the distribution this build resolved (for tools such as the benchmark harness). */
    public static EmbeddedElasticsearch start(Path stateDirectory, String heap, Duration startupTimeout)
            throws IOException {
        return start(stateDirectory, heap, ElasticsearchInstallation.defaultDistribution(), startupTimeout);
    }

    @Override
    public URI uri() {
        URI running = address;
        if (running != null) {
            return running;
        }
        try {
            return ready.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Embedded Elasticsearch did not start", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for embedded Elasticsearch", e);
        }
    }

    /** Leaves a server that dies dead from now on (for tests of what a dead server looks like). */
    public void stopSupervising() {
        Supervisor watching;
        synchronized (this) {
            unsupervised = true;
            watching = supervisor;
        }
        if (watching != null) {
            watching.close();
        }
    }

    /**
     * Kills the server and its launcher with SIGKILL, as a crash would (the benchmark harness's fault runs); the
     * supervisor, unless stopped, starts it again.
     */
    public void kill() {
        Process running;
        synchronized (this) {
            running = process;
        }
        if (running != null) {
            running.descendants().forEach(ProcessHandle::destroyForcibly);
            running.destroyForcibly();
        }
    }

    /** How many times the supervisor started the server again after it died. */
    public int restarts() {
        Supervisor watching = supervisor;
        return watching == null ? 0 : watching.restarts();
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            closed = true;
        }
        Supervisor watching = supervisor;
        if (watching != null) {
            watching.close();
        }
        Process running;
        synchronized (this) {
            running = process;
        }
        ready.completeExceptionally(new IllegalStateException("Embedded Elasticsearch was closed"));
        if (running != null && running.isAlive()) {
            long startNanos = System.nanoTime();
            // SIGTERM to the launcher: it tells the server to shut down cleanly and waits for it.
            Processes.terminate(running.toHandle(), STOP_GRACE);
            log.info("Embedded Elasticsearch stopped in {} ms", (System.nanoTime() - startNanos) / 1_000_000);
        }
        Files.deleteIfExists(pidFile);
        lock.release();
        lockChannel.close();
    }

    private void launch() {
        try {
            ready.complete(startServer(firstStartTimeout));
        } catch (Throwable e) {
            // Callers of uri() wait on the future: every failure has to reach it, or they would wait forever.
            ready.completeExceptionally(e);
            synchronized (this) {
                if (process != null) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            }
            slowRestarts++;
            log.error("Embedded Elasticsearch did not start; its supervisor tries again: {}", e.toString());
        }
        // A first start that failed (a machine so loaded that the server missed its deadline) is not final: the
        // supervisor starts it again with back-off and a longer deadline, as after a crash.
        synchronized (this) {
            if (unsupervised || closed) {
                return;
            }
            supervisor = Supervisor.watch("Elasticsearch", new Supervisor.Server() {
                @Override
                public boolean alive() {
                    synchronized (EmbeddedElasticsearch.this) {
                        return closed || (process != null && process.isAlive());
                    }
                }

                @Override
                public void restart() throws IOException, InterruptedException {
                    restartServer();
                }
            });
        }
    }

    /**
     * The launcher exits when its server does (and the server when its launcher does): what may be left is a
     * half-stopped server still holding the data folder's lock, stopped here before the new one starts.
     */
    private void restartServer() throws IOException, InterruptedException {
        Process dead;
        synchronized (this) {
            dead = process;
        }
        if (dead != null) {
            dead.descendants().forEach(ProcessHandle::destroyForcibly);
            dead.destroyForcibly();
            Processes.awaitExit(dead.toHandle(), Duration.ofSeconds(10));
        }
        try {
            // A loaded machine (the application catching up, other work) may start it slower than the first time:
            // each start that missed its deadline doubles the next one's (up to 16 times the configured one).
            startServer(startupTimeout.multipliedBy(1L << Math.min(slowRestarts, 4)));
            slowRestarts = 0;
        } catch (IOException | RuntimeException e) {
            slowRestarts++;
            // A server that did not come up must not pass for alive: the supervisor would stop trying.
            synchronized (this) {
                if (process != null) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            }
            throw e;
        }
    }

    private URI startServer(Duration timeout) throws IOException, InterruptedException {
        Optional<UnprivilegedUser> runAs = UnprivilegedUser.runningAsRoot()
                ? Optional.of(UnprivilegedUser.nobody()) : Optional.empty();
        Path serverDirectory = ElasticsearchServerDirectory.prepare(stateDirectory, runAs);
        stopLeftoverServer(serverDirectory);
        Path home = ElasticsearchInstallation.prepare(distribution, runAs);
        Path portsFile = serverDirectory.resolve("logs").resolve("http.ports");
        Files.deleteIfExists(portsFile);

        // A session of its own: Ctrl-C signals the terminal's whole process group, and the server must outlive the
        // application's shutdown until close() (projections may still write to it).
        List<String> command = new ArrayList<>(List.of("setsid"));
        runAs.ifPresent(user -> command.addAll(user.commandPrefix()));
        command.add(home.resolve("bin").resolve("elasticsearch").toString());
        command.addAll(List.of(
                "-Expack.security.enabled=false",
                "-Enetwork.host=127.0.0.1",
                // Port 0 lets the OS pick a free port with no race; the server writes the chosen one to http.ports.
                "-Ehttp.port=" + httpPort,
                "-Enode.portsfile=true",
                "-Epath.data=" + serverDirectory.resolve("data"),
                "-Epath.logs=" + serverDirectory.resolve("logs"),
                // A nearly full developer disk must not turn the indices read-only.
                "-Ecluster.routing.allocation.disk.threshold_enabled=false"));
        command.addAll(discovery);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(consoleLog.toFile());
        // The distribution has no JDK: run it on ours. The launch script warns about, or ignores, the others.
        builder.environment().keySet().removeAll(List.of("JAVA_HOME", "JAVA_OPTS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS"));
        builder.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
        // Otherwise every start leaves an elasticsearch-* (server) and a final-flags* (launcher) folder in /tmp.
        builder.environment().put("ES_TMPDIR", serverDirectory.resolve("tmp").toString());
        builder.environment().put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + serverDirectory.resolve("tmp"));

        Process started;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("Embedded Elasticsearch was closed before it started");
            }
            started = builder.start();
            process = started;
            Files.writeString(pidFile, Long.toString(started.pid()));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        URI uri = awaitHttpPort(started, portsFile, deadline);
        awaitYellow(started, uri, deadline);
        httpPort = uri.getPort();
        address = uri;
        log.info("Embedded Elasticsearch ready at {} in {} ms (heap {}, data {}, console {})", uri,
                (System.nanoTime() - createdNanos) / 1_000_000, heap, serverDirectory.resolve("data"), consoleLog);
        return uri;
    }

    /**
     * A server left by a killed application still holds the data folder's node lock. The pid file names its
     * launcher, recognised by our data folder on its command line; since we hold embedded.lock, no live
     * application owns it.
     */
    private void stopLeftoverServer(Path serverDirectory) throws IOException {
        Optional<ProcessHandle> leftover = Processes.fromPidFile(pidFile)
                .filter(process -> Processes.commandLineMentions(process, serverDirectory.resolve("data")));
        if (leftover.isPresent()) {
            log.warn("Stopping Elasticsearch (pid {}) left running on {} by an earlier run", leftover.get().pid(),
                    stateDirectory);
            Processes.terminate(leftover.get(), STOP_GRACE);
        }
        Files.deleteIfExists(pidFile);
    }

    private URI awaitHttpPort(Process started, Path portsFile, long deadline) throws IOException, InterruptedException {
        while (true) {
            // The server moves the file into place complete, so an existing file holds the whole address.
            Optional<String> address = Files.exists(portsFile)
                    ? Files.readAllLines(portsFile).stream().findFirst() : Optional.empty();
            if (address.isPresent()) {
                return URI.create("http://" + address.get().trim());
            }
            checkStillStarting(started, deadline);
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /** {@code GET /} answers 405 on this distribution; cluster health is the readiness check that works. */
    private void awaitYellow(Process started, URI uri, long deadline) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        while (true) {
            long remainingSeconds = Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toSeconds());
            HttpRequest request = HttpRequest.newBuilder(
                            uri.resolve("/_cluster/health?wait_for_status=yellow&timeout=" + remainingSeconds + "s"))
                    .timeout(Duration.ofSeconds(remainingSeconds + 5))
                    .build();
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notAcceptingYet) {
                // the port is bound a moment before requests are served
            }
            checkStillStarting(started, deadline);
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    private void checkStillStarting(Process started, long deadline) throws IOException {
        if (!started.isAlive()) {
            throw failure("exited with code " + started.exitValue() + " while starting");
        }
        if (System.nanoTime() - deadline > 0) {
            throw failure("was not ready in time");
        }
    }

    private IllegalStateException failure(String what) throws IOException {
        // Lenient decoding: the output may end in the middle of a character.
        List<String> lines = new String(Files.readAllBytes(consoleLog), StandardCharsets.UTF_8).lines().toList();
        List<String> tail = lines.subList(Math.max(0, lines.size() - CONSOLE_TAIL_LINES), lines.size());
        return new IllegalStateException("Embedded Elasticsearch " + what + "; last lines of " + consoleLog + ":\n"
                + String.join("\n", tail));
    }
}
