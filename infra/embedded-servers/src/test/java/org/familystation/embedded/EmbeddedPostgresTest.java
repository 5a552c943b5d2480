package org.familystation.embedded;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresTest {

    @TempDir
    Path dataDir;

    private ApplicationContextRunner application() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        EmbeddedPostgresAutoConfiguration.class, DataSourceAutoConfiguration.class))
                .withPropertyValues("familystation.data-dir=" + dataDir);
    }

    @Test
    void keepsDataAcrossRestartsOfTheApplication() {
        application()
                .withPropertyValues("familystation.embedded.postgres.durable=false",
                        "spring.datasource.hikari.maximum-pool-size=5")
                .run(context -> {
                    assertThat(context).hasSingleBean(DataSource.class);
                    HikariDataSource dataSource = context.getBean(HikariDataSource.class);
                    assertThat(dataSource.getMaximumPoolSize()).isEqualTo(5);
                    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
                    assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("off");
                    jdbc.execute("CREATE TABLE station (id int PRIMARY KEY, name text NOT NULL)");
                    jdbc.update("INSERT INTO station VALUES (1, '朝阳家庭驿站')");
                });
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("stopped with the context").doesNotExist();

        application().run(context -> {
            HikariDataSource dataSource = context.getBean(HikariDataSource.class);
            assertThat(dataSource.getMaximumPoolSize()).isEqualTo(48);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            assertThat(jdbc.queryForObject("SELECT current_database()", String.class))
                    .isEqualTo(EmbeddedPostgresServer.DATABASE);
            assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SELECT name FROM station WHERE id = 1", String.class))
                    .isEqualTo("朝阳家庭驿站");
        });
    }

    @Test
    void aKilledServerIsStartedAgainOnItsPortAndThePoolReconnects() {
        // Durable (the default): with synchronous_commit off, a commit of the last moments dies with the server.
        application()
                .run(context -> {
                    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
                    jdbc.execute("CREATE TABLE station (id int PRIMARY KEY, name text NOT NULL)");
                    jdbc.update("INSERT INTO station VALUES (1, '朝阳家庭驿站')");
                    long postmaster = Long.parseLong(
                            Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());

                    ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
                    // A backend outlives its postmaster for a moment and may still answer a pooled connection:
                    // wait for the supervisor's restart before asking.
                    EmbeddedPostgresServer server = context.getBean(EmbeddedPostgresServer.class);
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (server.restarts() == 0) {
                        assertThat(System.nanoTime() - deadline).as("restarted within 60 s").isNegative();
                        Thread.sleep(100);
                    }
                    String name = null;
                    while (name == null) {
                        try {
                            name = jdbc.queryForObject("SELECT name FROM station WHERE id = 1", String.class);
                        } catch (RuntimeException stillDown) {
                            assertThat(System.nanoTime() - deadline).as("back within 60 s: " + stillDown)
                                    .isNegative();
                            Thread.sleep(200);
                        }
                    }
                    assertThat(name).isEqualTo("朝阳家庭驿站");
                    assertThat(server.restarts()).isEqualTo(1);
                    assertThat(Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0)
                            .trim())).isNotEqualTo(postmaster);
                });
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("stopped with the context").doesNotExist();
    }

    @Test
    void stopsTheServerOfAKilledApplication() throws Exception {
        Path directory = dataDir.resolve("postgres");
        Process application = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                PostgresThenHang.class.getName(), directory.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(application.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = output.readLine();
            } while (line != null && !line.equals(PostgresThenHang.STARTED));
            assertThat(line).as("the child application started PostgreSQL").isNotNull();
        } finally {
            application.destroyForcibly();
            application.waitFor(10, TimeUnit.SECONDS);
        }
        ProcessHandle leftover = Processes.fromPidFile(directory.resolve("postmaster.pid")).orElseThrow();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, false);
             Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM pg_database")) {
            assertThat(Processes.awaitExit(leftover, Duration.ofSeconds(1))).isTrue();
            assertThat(result.next()).isTrue();
        }
        assertThat(Files.exists(directory.resolve("postmaster.pid"))).isFalse();
    }

    @Test
    void everyConnectionNeedsTheGeneratedPasswordAndOnlyLoopbackIsListenedOn() throws Exception {
        Path directory = dataDir.resolve("postgres");
        String password;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, false)) {
            password = server.password();
            Path file = directory.resolve(EmbeddedPostgresServer.PASSWORD_FILE);
            assertThat(Files.readString(file).strip()).isEqualTo(password).hasSizeGreaterThanOrEqualTo(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertLocked(server);
        }
        // A restart reuses the password.
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, false)) {
            assertThat(server.password()).isEqualTo(password);
            assertLocked(server);
        }
    }

    @Test
    void aDataDirectoryOfAnEarlierVersionThatTrustedLocalConnectionsIsLockedAtItsNextStart() throws Exception {
        Path directory = dataDir.resolve("postgres");
        // What earlier versions left: zonky's cluster, trusting every local connection, without a password file.
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(directory)
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
             Connection connection = DriverManager.getConnection(earlier.getJdbcUrl("postgres", "postgres"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + EmbeddedPostgresServer.DATABASE);
        }
        assertThat(directory.resolve(EmbeddedPostgresServer.PASSWORD_FILE)).doesNotExist();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, false)) {
            assertThat(directory.resolve(EmbeddedPostgresServer.PASSWORD_FILE)).exists();
            assertLocked(server);
        }
    }

    private static void assertLocked(EmbeddedPostgresServer server) throws Exception {
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl() + "?user=postgres").close())
                .as("without a password").isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "wrong").close())
                .as("with a wrong password").isInstanceOf(SQLException.class);
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement statement = connection.createStatement()) {
            try (ResultSet listen = statement.executeQuery("SHOW listen_addresses")) {
                assertThat(listen.next()).isTrue();
                assertThat(listen.getString(1)).isEqualTo("127.0.0.1");
            }
            try (ResultSet rules = statement.executeQuery(
                    "SELECT DISTINCT auth_method FROM pg_hba_file_rules WHERE error IS NULL")) {
                assertThat(rules.next()).isTrue();
                assertThat(rules.getString(1)).isEqualTo("scram-sha-256");
                assertThat(rules.next()).as("one method for every rule").isFalse();
            }
            try (ResultSet stored = statement.executeQuery(
                    "SELECT rolpassword FROM pg_authid WHERE rolname = 'postgres'")) {
                assertThat(stored.next()).isTrue();
                assertThat(stored.getString(1)).startsWith("SCRAM-SHA-256$");
            }
        }
    }

    /** An application that starts PostgreSQL and is then killed without closing anything. */
    static final class PostgresThenHang {

        static final String STARTED = "POSTGRES-STARTED";

        public static void main(String[] args) throws Exception {
            EmbeddedPostgresServer.start(Path.of(args[0]), false);
            System.out.println(STARTED);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
