package org.familystation.benchmark;

import org.familystation.embedded.EmbeddedElasticsearch;
import org.familystation.embedded.EmbeddedPostgresServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL and Elasticsearch servers of a run, started by the harness (not by the application) with the
 * application's own durable settings, so that the application runs as a child JVM against them, as it would in
 * production, and its heap and RSS are its own. For the several-node runs ({@link NodesRun}, {@link Soak}) the
 * Elasticsearch side may be a cluster of two nodes; the application is given the first (which is master), the
 * second holds the replicas.
 */
final class Servers implements AutoCloseable {

    private static final Duration ES_STARTUP = Duration.ofMinutes(3);
    /** Two nodes and their cluster on the shared machine: at a load average of 50 one took over 3 minutes. */
    private static final Duration CLUSTER_NODE_STARTUP = Duration.ofMinutes(10);

    private final Path postgresDirectory;
    private final EmbeddedPostgresServer postgres;
    private final List<EmbeddedElasticsearch> elasticsearch;
    private PostgresStatements statements = PostgresStatements.off();
    /**
     * The servers run in sessions of their own, so a harness stopped with Ctrl-C or {@code kill} would leave them
     * running (and spending the cores the next run measures): stopped on the way out, as the application is.
     */
    private final Thread stopOnExit = new Thread(this::closeOnExit, "stop-servers");
    private boolean closed;

    private Servers(Path postgresDirectory, EmbeddedPostgresServer postgres, List<EmbeddedElasticsearch> elasticsearch) {
        this.postgresDirectory = postgresDirectory;
        this.postgres = postgres;
        this.elasticsearch = elasticsearch;
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    static Servers start(Path workDir) throws IOException {
        return start(workDir, false);
    }

    /**
     * @param statements PostgreSQL also counts its statements ({@link PostgresStatements}): pg_stat_statements
     *                   loaded at start, which costs each statement a little (so only when asked)
     */
    static Servers start(Path workDir, boolean statements) throws IOException {
        // Elasticsearch launches in the background while PostgreSQL starts; the heap is the application's default.
        EmbeddedElasticsearch elasticsearch = EmbeddedElasticsearch.start(workDir.resolve("elasticsearch"), "512m",
                ES_STARTUP);
        Path postgresDirectory = workDir.resolve("postgres");
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(postgresDirectory, true,
                statements ? PostgresStatements.SERVER_SETTINGS : Map.of());
        elasticsearch.uri();
        Servers servers = new Servers(postgresDirectory, postgres, List.of(elasticsearch));
        if (statements) {
            servers.statements = PostgresStatements.install(servers);
        }
        return servers;
    }

    /**
     * PostgreSQL and {@code nodes} (1 or 2) Elasticsearch nodes as one cluster. The first node is the only
     * master-eligible one (with two master-eligible nodes Elasticsearch keeps one of them out of the voting
     * configuration, so losing the wrong one stops the cluster just the same); the second is a data node. Both are
     * supervised: restarted when they die, unless {@link EmbeddedElasticsearch#stopSupervising()}.
     */
    static Servers startCluster(Path workDir, int nodes, String heap) throws IOException {
        if (nodes < 1 || nodes > 2) {
            throw new IllegalArgumentException("1 or 2 Elasticsearch nodes, not " + nodes);
        }
        List<Integer> transportPorts = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            transportPorts.add(freePort());
        }
        String seeds = String.join(",", transportPorts.stream().map(port -> "127.0.0.1:" + port).toList());
        List<EmbeddedElasticsearch> elasticsearch = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            List<String> discovery = new ArrayList<>(List.of("-Ecluster.name=familystation-nodes",
                    "-Enode.name=es-" + (n + 1), "-Etransport.port=" + transportPorts.get(n),
                    "-Ediscovery.seed_hosts=" + seeds));
            if (n == 0) {
                discovery.add("-Ecluster.initial_master_nodes=es-1");
            } else {
                discovery.add("-Enode.roles=data");
            }
            elasticsearch.add(EmbeddedElasticsearch.startClusterNode(workDir.resolve("elasticsearch-" + (n + 1)),
                    heap, CLUSTER_NODE_STARTUP, discovery));
        }
        Path postgresDirectory = workDir.resolve("postgres");
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(postgresDirectory, true);
        Servers servers = new Servers(postgresDirectory, postgres, List.copyOf(elasticsearch));
        try {
            elasticsearch.forEach(EmbeddedElasticsearch::uri);
        } catch (RuntimeException notStarted) {
            // The servers are child processes of their own session: stopped here, or they outlive the harness.
            servers.close();
            throw notStarted;
        }
        return servers;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** PostgreSQL's statement counts, or {@link PostgresStatements#off()} unless started to count them. */
    PostgresStatements statements() {
        return statements;
    }

    /** The JDBC URL, without credentials ({@link #user()}, {@link #password()}). */
    String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    String user() {
        return postgres.user();
    }

    String password() {
        return postgres.password();
    }

    /** A connection whose batched inserts are rewritten into multi-row statements. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl() + "?reWriteBatchedInserts=true", user(), password());
    }

    /** The Elasticsearch node the application talks to (the first, the master). */
    URI elasticsearch() {
        return elasticsearch.get(0).uri();
    }

    EmbeddedElasticsearch elasticsearchNode(int index) {
        return elasticsearch.get(index);
    }

    int elasticsearchNodes() {
        return elasticsearch.size();
    }

    /** Times the supervisors started a dead server again: PostgreSQL, then each Elasticsearch node. */
    List<Integer> restarts() {
        List<Integer> restarts = new ArrayList<>(List.of(postgres.restarts()));
        elasticsearch.forEach(node -> restarts.add(node.restarts()));
        return restarts;
    }

    /** SIGKILL to the postmaster, as a crash would: its supervisor starts it again on the same port and data. */
    void killPostgres() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(postgresDirectory.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != stopOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
        try {
            for (EmbeddedElasticsearch node : elasticsearch) {
                node.close();
            }
        } finally {
            postgres.close();
        }
    }

    private void closeOnExit() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            System.err.println("could not stop the benchmark's servers: " + e);
        }
    }
}
