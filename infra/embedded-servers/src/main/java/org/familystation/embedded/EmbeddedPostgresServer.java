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
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * A real PostgreSQL server (zonky's binaries) running as a child process on a persistent data directory.
 *
 * <p>Locked as a real server would be: it listens on the loopback interface only, and every connection, local socket
 * included, authenticates with scram-sha-256 as {@code postgres} with a password generated at the first start and kept
 * in {@value #PASSWORD_FILE} in the data directory, readable by its owner only. zonky creates a cluster that trusts
 * every local connection; the first start (of a new cluster, or of one an earlier version created) sets the password
 * and then replaces {@code pg_hba.conf}.
 *
 * <p>zonky's JVM shutdown hook is off: it would stop the server while Axon still works. The owner closes this object
 * instead, after everything that uses the database has stopped.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "familystation";
    static final String USER = "postgres";
    static final String PASSWORD_FILE = "familystation-password";
    static final String LISTEN_ADDRESS = "127.0.0.1";
    private static final String HBA = """
            # Written by Family Station: every connection authenticates with the generated password (see
            # familystation-password in this directory, readable by its owner only).
            local   all   all                 scram-sha-256
            host    all   all   127.0.0.1/32  scram-sha-256
            host    all   all   ::1/128       scram-sha-256
            """;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** zonky keeps this file locked in the data directory while its server runs. */
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration LEFTOVER_STOP_GRACE = Duration.ofSeconds(30);

    private final Path directory;
    private final boolean durable;
    private final Map<String, String> settings;
    private final int port;
    private final String jdbcUrl;
    private final String password;
    private final Supervisor supervisor;
    // Replaced by the supervisor when the server died and was started again.
    private volatile Started current;

    /** A running server and the pid of its postmaster (which detaches from this JVM: pg_ctl starts it). */
    private record Started(EmbeddedPostgres postgres, String password, long postmasterPid) {
    }

    private EmbeddedPostgresServer(Path directory, boolean durable, Map<String, String> settings, Started started) {
        this.directory = directory;
        this.durable = durable;
        this.settings = settings;
        this.current = started;
        this.port = started.postgres().getPort();
        this.jdbcUrl = "jdbc:postgresql://" + LISTEN_ADDRESS + ":" + port + "/" + DATABASE;
        this.password = started.password();
        this.supervisor = Supervisor.watch("PostgreSQL", new Supervisor.Server() {
            @Override
            public boolean alive() {
                return ProcessHandle.of(current.postmasterPid()).map(ProcessHandle::isAlive).orElse(false);
            }

            @Override
            public void restart() throws IOException {
                restartServer();
            }
        });
    }

    /** Leaves a server that dies dead from now on (for tests of what a dead server looks like). */
    public void stopSupervising() {
        supervisor.close();
    }

    /**
     * Starts the server on {@code dataDirectory}, creating the cluster on first use and reusing it afterwards, and
     * supervises it: started again on the same port when it dies.
     *
     * @param durable fsync and synchronous_commit on (zonky's defaults are off)
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean durable) throws IOException {
        return start(dataDirectory, durable, Map.of());
    }

    /**
     * As {@link #start(Path, boolean)}, with further server settings (e.g. the benchmark's
     * {@code shared_preload_libraries=pg_stat_statements}), kept for the restarts too.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean durable, Map<String, String> settings)
            throws IOException {
        long startNanos = System.nanoTime();
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Map<String, String> kept = Map.copyOf(settings);
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(directory, durable, kept,
                launch(directory, durable, kept, 0));
        log.info("Embedded PostgreSQL started in {} ms at {} (data: {}, durable: {})",
                (System.nanoTime() - startNanos) / 1_000_000, server.jdbcUrl, directory, durable);
        return server;
    }

    /** @param port 0 for any free port (the first start), else the port the server had */
    private static Started launch(Path directory, boolean durable, Map<String, String> settings, int port)
            throws IOException {
        Files.createDirectories(directory.getParent());
        stopLeftoverServer(directory);
        // Beside the data directory, not in it: initdb needs an empty directory. The server keeps writing here after
        // a crash of the application, since it inherits the file rather than a pipe to this JVM.
        Redirect serverLog = Redirect.appendTo(directory.resolveSibling(directory.getFileName() + ".log").toFile());
        String onOff = durable ? "on" : "off";
        Path passwordFile = directory.resolve(PASSWORD_FILE);
        Optional<String> knownPassword = Files.exists(passwordFile)
                ? Optional.of(Files.readString(passwordFile).strip()) : Optional.empty();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        // zonky checks that the server is up by connecting to it: with the password once it is set.
        knownPassword.ifPresent(password -> builder.setConnectConfig("password", password));
        if (port != 0) {
            builder.setPort(port);
        }
        settings.forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", onOff)
                .setServerConfig("synchronous_commit", onOff)
                .setServerConfig("listen_addresses", LISTEN_ADDRESS)
                .setServerConfig("password_encryption", "scram-sha-256")
                .setPGStartupWait(STARTUP_WAIT)
                .setOutputRedirector(serverLog)
                .setErrorRedirector(serverLog)
                .start();
        try {
            String password = knownPassword.isPresent() ? knownPassword.get() : setPassword(postgres, passwordFile);
            requirePassword(postgres, directory);
            createDatabaseIfMissing(postgres, password);
            long pid = Processes.fromPidFile(directory.resolve("postmaster.pid")).map(ProcessHandle::pid)
                    .orElseThrow(() -> new IOException("no running postmaster named in postmaster.pid"));
            return new Started(postgres, password, pid);
        } catch (SQLException | IOException | RuntimeException e) {
            postgres.close();
            throw new IOException("Could not set up embedded PostgreSQL on " + directory, e);
        }
    }

    /**
     * The postmaster died. Its backends notice and exit within moments; until they all have, PostgreSQL refuses to
     * start ("pre-existing shared memory block is still in use") and the supervisor tries again later.
     */
    private void restartServer() throws IOException {
        // Releases zonky's lock on the data directory; its "pg_ctl stop" fails on the dead server and is only logged.
        current.postgres().close();
        synchronized (this) {
            if (supervisor.closed()) {
                throw new IOException("closed");
            }
            current = launch(directory, durable, settings, port);
        }
    }

    /** Where to connect, without the credentials ({@link #user()}, {@link #password()}). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    /**
     * The first start of a cluster that trusts local connections (new, or from an earlier version): a generated
     * password, written (owner-only) before the role gets it, so a crash in between leaves a file to retry with.
     */
    private static String setPassword(EmbeddedPostgres postgres, Path passwordFile) throws IOException, SQLException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path written = passwordFile.resolveSibling(PASSWORD_FILE + ".new");
        Files.deleteIfExists(written);
        Files.createFile(written, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(written, password + "\n");
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            // Base64url has no quote: the literal is safe.
            statement.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'");
        }
        Files.move(written, passwordFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        log.info("Embedded PostgreSQL: generated a password for {} (kept in {})", USER, passwordFile);
        return password;
    }

    /** Replaces zonky's trusting pg_hba.conf with scram-sha-256 for every connection, and reloads it. */
    private static void requirePassword(EmbeddedPostgres postgres, Path directory) throws IOException, SQLException {
        Path hba = directory.resolve("pg_hba.conf");
        if (Files.readString(hba).equals(HBA)) {
            return;
        }
        Files.writeString(hba, HBA);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    /** How many times the supervisor started the server again after it died. */
    public int restarts() {
        return supervisor.restarts();
    }

    @Override
    public void close() throws IOException {
        long startNanos = System.nanoTime();
        supervisor.close();
        current.postgres().close();
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

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String password) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase(Map.of("password", password)).getConnection();
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
