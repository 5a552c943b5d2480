package org.familystation.benchmark;

import org.familystation.loader.ApiClient;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application (its Boot jar) as a child JVM on the harness's servers: it starts nothing embedded, and its heap
 * (jcmd) and resident memory (/proc/pid/status) are measured on its own process.
 */
final class AppProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(10);
    private static final int START_ATTEMPTS = 3;
    private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private final Process process;
    private final URI base;
    private final Path log;
    private Thread stopper;

    private AppProcess(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /**
     * Launches the application and waits until it answers.
     *
     * @param axonDefaults the baseline: Axon's out-of-the-box processors (familystation.processors.axon-defaults)
     */
    static AppProcess start(Options options, Servers servers, boolean axonDefaults, String name) throws Exception {
        return start(options, servers, name, defaults(axonDefaults));
    }

    /** Launches a node with more settings (environment variables) and waits until it answers. */
    static AppProcess start(Options options, Servers servers, String name, Map<String, String> settings)
            throws Exception {
        for (int attempt = 1; ; attempt++) {
            AppProcess app = launch(options, servers, name, settings);
            try {
                app.awaitAnswering();
                return app;
            } catch (IllegalStateException exited) {
                // On the shared machine a node sometimes fails to start (a connection to PostgreSQL not opened in
                // time at a load average of 50): started again, as an orchestrator would.
                if (attempt == START_ATTEMPTS || app.alive()) {
                    throw exited;
                }
                System.out.println("[harness] " + name + " did not start (" + exited.getMessage() + "); again");
            }
        }
    }

    /**
     * Launches the application without waiting: its processors start before its web server answers, so a replay is
     * timed from the launch on, not from when the API answers.
     */
    static AppProcess launch(Options options, Servers servers, boolean axonDefaults, String name) throws Exception {
        return launch(options, servers, name, defaults(axonDefaults));
    }

    /**
     * The baseline's settings: Axon's out-of-the-box processors, and no flow control (which would hold the commands
     * back for them and so hide their lag); otherwise the application's own.
     */
    private static Map<String, String> defaults(boolean axonDefaults) {
        return axonDefaults ? Map.of("FAMILYSTATION_PROCESSORS_AXON_DEFAULTS", "true",
                "FAMILYSTATION_OPERATIONS_READ_SIDE_LAG_TARGET", "0")
                : Map.of("FAMILYSTATION_PROCESSORS_AXON_DEFAULTS", "false");
    }

    private static AppProcess launch(Options options, Servers servers, String name, Map<String, String> settings)
            throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        if (!options.appHeap().isBlank()) {
            command.add("-Xmx" + options.appHeap());
        }
        if (!options.appJvmArgs().isBlank()) {
            command.addAll(List.of(options.appJvmArgs().trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", options.appJar().toAbsolutePath().toString(), "--server.port=" + port));
        // Settings named "--…" are properties given on the command line (a case-sensitive map key, such as a JDBC
        // driver property, cannot come from an environment variable); the others are environment variables.
        settings.forEach((setting, value) -> {
            if (setting.startsWith("--")) {
                command.add(setting + "=" + value);
            }
        });
        Path log = options.workDir().resolve("app-" + name + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(options.workDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("SPRING_DATASOURCE_URL", servers.jdbcUrl());
        env.put("SPRING_DATASOURCE_USERNAME", servers.user());
        env.put("SPRING_DATASOURCE_PASSWORD", servers.password());
        env.put("FAMILYSTATION_ELASTICSEARCH_URL", servers.elasticsearch().toString());
        // Boot's own Elasticsearch health check reads spring.elasticsearch.uris (default localhost:9200), not ours.
        env.put("SPRING_ELASTICSEARCH_URIS", servers.elasticsearch().toString());
        env.put("FAMILYSTATION_SECURITY_DEMO_ACCOUNTS", "true");
        settings.forEach((setting, value) -> {
            if (!setting.startsWith("--")) {
                env.put(setting, value);
            }
        });
        AppProcess app = new AppProcess(builder.start(), URI.create("http://localhost:" + port), log);
        // The child must not outlive the harness, whether the harness fails or is stopped with Ctrl-C.
        Thread stopper = new Thread(app.process::destroy, "stop-application");
        Runtime.getRuntime().addShutdownHook(stopper);
        app.stopper = stopper;
        return app;
    }

    URI base() {
        return base;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the API answers; stops the application if it does not. */
    void awaitAnswering() throws Exception {
        try {
            awaitHealthy();
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private void awaitHealthy() throws Exception {
        ApiClient auditor = new ApiClient(base, "auditor", "auditor-demo");
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            checkRunning();
            // An API answer, not the actuator's health, which also judges things the benchmark does not use; a
            // server not listening yet answers -1.
            if (auditor.send("GET", "/api/catalogues/SERVICE_PROJECT", null).status() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the application did not answer within " + STARTUP_TIMEOUT + "; see " + log);
    }

    /**
     * The heap after a full collection (the live set: what the application keeps, not garbage awaiting collection),
     * the committed heap, and the process's resident memory.
     */
    Map<String, Object> memory() throws Exception {
        return memory(true);
    }

    /**
     * @param collect a full collection first (the live set); without, the heap in use as it is (live data and
     *                garbage awaiting collection), as a soak samples it without disturbing the node
     */
    Map<String, Object> memory(boolean collect) throws Exception {
        Map<String, Object> memory = new LinkedHashMap<>();
        String jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd")
                .toString();
        if (collect) {
            run(jcmd, Long.toString(pid()), "GC.run");
        }
        Matcher heap = HEAP.matcher(run(jcmd, Long.toString(pid()), "GC.heap_info"));
        if (heap.find()) {
            memory.put("heapCommittedMb", Long.parseLong(heap.group(1)) / 1024);
            memory.put(collect ? "heapUsedAfterGcMb" : "heapUsedMb", Long.parseLong(heap.group(2)) / 1024);
        }
        for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                memory.put("rssMb", Long.parseLong(line.replaceAll("\\D", "")) / 1024);
            }
        }
        return memory;
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Fails, naming the application's log, if the application has exited (it failed to start, or crashed). */
    void checkRunning() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the application exited with " + process.exitValue() + "; see " + log);
        }
    }

    /** SIGKILL, as a crash or the OOM killer would: no shutdown, its token claims and deadline picks left behind. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    /** Stops it as an operator would (SIGTERM: Spring's graceful shutdown, processors release their claims). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }
}
