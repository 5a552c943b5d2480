package org.familystation.benchmark;

import org.familystation.embedded.EmbeddedElasticsearch;
import org.familystation.embedded.EmbeddedPostgresServer;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The PostgreSQL and Elasticsearch servers of a run, started by the harness (not by the application) with the
 * application's own durable settings, so that the application runs as a child JVM against them, as it would in
 * production, and its heap and RSS are its own.
 */
final class Servers implements AutoCloseable {

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedElasticsearch elasticsearch;

    private Servers(EmbeddedPostgresServer postgres, EmbeddedElasticsearch elasticsearch) {
        this.postgres = postgres;
        this.elasticsearch = elasticsearch;
    }

    static Servers start(Path workDir) throws IOException {
        // Elasticsearch launches in the background while PostgreSQL starts; the heap is the application's default.
        EmbeddedElasticsearch elasticsearch = EmbeddedElasticsearch.start(workDir.resolve("elasticsearch"), "512m",
                Duration.ofMinutes(3));
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(workDir.resolve("postgres"), true);
        elasticsearch.uri();
        return new Servers(postgres, elasticsearch);
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

    URI elasticsearch() {
        return elasticsearch.uri();
    }

    @Override
    public void close() throws IOException {
        try {
            elasticsearch.close();
        } finally {
            postgres.close();
        }
    }
}
