package org.familystation.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * A real PostgreSQL server (zonky's binaries) running as a child process on a persistent data directory.
 *
 * <p>zonky's JVM shutdown hook is off: it would stop the server while Axon still works. The owner closes this object
 * instead, after everything that uses the database has stopped.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "familystation";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** zonky keeps this file locked in the data directory while its server runs. */
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration LEFTOVER_STOP_GRACE = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final String jdbcUrl;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.jdbcUrl = postgres.getJdbcUrl("postgres", DATABASE);
    }

    /**
     * Starts the server on {@code dataDirectory}, creating the cluster on first use and reusing it afterwards.
     *
     * @param durable fsync and synchronous_commit on (zonky's defaults are off)
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean durable) throws IOException {
        long startNanos = System.nanoTime();
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(directory.getParent());
        stopLeftoverServer(directory);
        // Beside the data directory, not in it: initdb needs an empty directory. The server keeps writing here after
        // a crash of the application, since it inherits the file rather than a pipe to this JVM.
        Redirect serverLog = Redirect.appendTo(directory.resolveSibling(directory.getFileName() + ".log").toFile());
        String onOff = durable ? "on" : "off";
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", onOff)
                .setServerConfig("synchronous_commit", onOff)
                .setPGStartupWait(STARTUP_WAIT)
                .setOutputRedirector(serverLog)
                .setErrorRedirector(serverLog)
                .start();
        try {
            createDatabaseIfMissing(postgres);
        } catch (SQLException e) {
            postgres.close();
            throw new IOException("Could not create database " + DATABASE + " in embedded PostgreSQL", e);
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
        log.info("Embedded PostgreSQL started in {} ms at {} (data: {}, durable: {})",
                (System.nanoTime() - startNanos) / 1_000_000, server.jdbcUrl, directory, durable);
        return server;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void close() throws IOException {
        long startNanos = System.nanoTime();
        postgres.close();
        log.info("Embedded PostgreSQL stopped in {} ms", (System.nanoTime() - startNanos) / 1_000_000);
    }

    /**
     * A server from a killed run keeps the data directory (postmaster.pid) and would make the new start fail. It is
     * a leftover only if no live process holds zonky's lock, and it is recognised by the data directory on its
     * command line; it is then stopped (SIGTERM = smart shutdown, quick since its clients died with the old JVM).
     * Any other pid file is left to PostgreSQL, which recognises a stale one itself.
     */
    private static void stopLeftoverServer(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory.resolve(ZONKY_LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("PostgreSQL data directory " + directory + " is in use by another process");
            }
            Optional<ProcessHandle> leftover = Processes.fromPidFile(pidFile)
                    .filter(process -> Processes.commandLineMentions(process, directory));
            if (leftover.isPresent()) {
                log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier run", leftover.get().pid(), directory);
                Processes.terminate(leftover.get(), LEFTOVER_STOP_GRACE);
            }
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("PostgreSQL data directory " + directory + " is already in use in this JVM", e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet existing = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (existing.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        }
    }
}
