package org.familystation.platform.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a backup of the system of record ({@link SystemOfRecord}) while the application runs: every table is read
 * in one REPEATABLE READ transaction, so the backup is one snapshot of the database, as pg_dump takes it — a command
 * whose events committed before it is there with everything written in its transaction (registries, saga state,
 * deadlines), a later one not at all. The rows are PostgreSQL's own {@code COPY} text, in a zip archive.
 */
public class Backup {

    private static final Logger log = LoggerFactory.getLogger(Backup.class);
    static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final Supplier<Collection<String>> sagaProcessors;

    public Backup(DataSource dataSource, Supplier<Collection<String>> sagaProcessors) {
        this.dataSource = dataSource;
        this.sagaProcessors = sagaProcessors;
    }

    /** Takes the snapshot; the caller writes it out ({@link Snapshot#writeTo}) and closes it. */
    public Snapshot take() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try (Statement statement = connection.createStatement()) {
                // A backup of a large store takes longer than any request's bound; it holds no lock anyone waits on.
                statement.execute("SET LOCAL statement_timeout = 0");
                // The first query fixes the transaction's snapshot: everything below reads the database as it was here.
                try (ResultSet head = statement.executeQuery("SELECT (SELECT count(*) FROM domain_event_entry),"
                        + " global_index, event_identifier FROM domain_event_entry ORDER BY global_index DESC LIMIT 1")) {
                    Instant takenAt = Instant.now();
                    boolean any = head.next();
                    return new Snapshot(connection, takenAt, any ? head.getLong(1) : 0, any ? head.getLong(2) : null,
                            any ? head.getString(3) : null, SystemOfRecord.migrations(connection),
                            SystemOfRecord.tables(connection, sagaProcessors.get()));
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The database at one moment, open until closed. */
    public static final class Snapshot implements AutoCloseable {

        private final Connection connection;
        private final Instant takenAt;
        private final long events;
        private final Long lastGlobalIndex;
        private final String lastEventId;
        private final List<String> migrations;
        private final List<SystemOfRecord.Table> tables;

        private Snapshot(Connection connection, Instant takenAt, long events, Long lastGlobalIndex, String lastEventId,
                         List<String> migrations, List<SystemOfRecord.Table> tables) {
            this.connection = connection;
            this.takenAt = takenAt;
            this.events = events;
            this.lastGlobalIndex = lastGlobalIndex;
            this.lastEventId = lastEventId;
            this.migrations = migrations;
            this.tables = tables;
        }

        public long events() {
            return events;
        }

        public Long lastGlobalIndex() {
            return lastGlobalIndex;
        }

        public Instant takenAt() {
            return takenAt;
        }

        /** Writes the archive: each table's rows, then the manifest. */
        public BackupManifest writeTo(OutputStream out) throws SQLException, IOException {
            long started = System.nanoTime();
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    flush(); // the response is the caller's to close
                }
            });
            List<BackupManifest.TableContents> contents = new ArrayList<>();
            for (SystemOfRecord.Table table : tables) {
                BackupManifest.TableContents entry = new BackupManifest.TableContents(table.name(), table.columns(), 0);
                zip.putNextEntry(new ZipEntry(entry.entry()));
                long rows = copy.copyOut("COPY (" + table.select() + ") TO STDOUT", zip);
                zip.closeEntry();
                contents.add(new BackupManifest.TableContents(table.name(), table.columns(), rows));
            }
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, takenAt.toString(), migrations, events,
                    lastGlobalIndex, lastEventId, contents);
            zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.close();
            log.info("backup of {} events (up to global index {}) and {} tables written in {} ms", events,
                    lastGlobalIndex, tables.size(), (System.nanoTime() - started) / 1_000_000);
            return manifest;
        }

        @Override
        public void close() throws SQLException {
            try {
                connection.rollback();
            } finally {
                connection.close();
            }
        }
    }
}
