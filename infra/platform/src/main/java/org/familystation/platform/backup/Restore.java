package org.familystation.platform.backup;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Loads a backup ({@code familystation.restore.from}) into a fresh installation as it starts: after Flyway has
 * created the schema and before any event processor, deadline or seeder runs. All tables are loaded in one
 * transaction (a restore that fails leaves the installation empty) and their row counts checked against the
 * manifest. The projections then find no tokens and replay every event into their read models and the search
 * indexes; the sagas go on from their restored tokens.
 * <p>
 * Refused (the application does not start): an incomplete archive, a schema with other migrations than the
 * backup's, an installation that already holds events. One that holds the backup's newest event was restored from
 * it before: the setting is then ignored, so a restart with it left in place starts normally.
 */
public class Restore implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(Restore.class);

    private final DataSource dataSource;
    private final Path archive;

    public Restore(DataSource dataSource, Path archive) {
        this.dataSource = dataSource;
        this.archive = archive;
    }

    @Override
    public void afterPropertiesSet() throws Exception {
        run();
    }

    void run() throws IOException, SQLException {
        long started = System.nanoTime();
        try (ZipFile zip = open(archive)) {
            ZipEntry manifestEntry = zip.getEntry(BackupManifest.ENTRY);
            if (manifestEntry == null) {
                throw new IllegalStateException("restore: " + archive + " has no manifest: not a complete backup");
            }
            BackupManifest manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = Backup.JSON.readValue(in, BackupManifest.class);
            }
            if (manifest.format() != BackupManifest.FORMAT) {
                throw new IllegalStateException("restore: backup format " + manifest.format() + " is not "
                        + BackupManifest.FORMAT);
            }
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                if (alreadyRestored(connection, manifest)) {
                    log.info("restore: the event store already holds the newest event of {} (restored before);"
                            + " familystation.restore.from is ignored", archive);
                    connection.rollback();
                    return;
                }
                checkFresh(connection, manifest);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL statement_timeout = 0");
                }
                log.info("restore: loading {} events and {} tables taken at {} from {}", manifest.events(),
                        manifest.tables().size(), manifest.takenAt(), archive);
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                for (BackupManifest.TableContents table : manifest.tables()) {
                    long tableStarted = System.nanoTime();
                    ZipEntry entry = zip.getEntry(table.entry());
                    if (entry == null) {
                        throw new IllegalStateException("restore: " + archive + " lacks " + table.entry());
                    }
                    long rows;
                    try (InputStream in = zip.getInputStream(entry)) {
                        rows = copy.copyIn("COPY " + table.name() + " (" + String.join(", ", table.columns())
                                + ") FROM STDIN", in);
                    }
                    if (rows != table.rows()) {
                        throw new IllegalStateException("restore: " + table.name() + " holds " + table.rows()
                                + " rows in the manifest but " + rows + " in the archive");
                    }
                    log.info("restore: {} {} rows ({} ms)", table.name(), rows,
                            (System.nanoTime() - tableStarted) / 1_000_000);
                    advanceSequences(connection, table.name());
                }
                releaseClaims(connection);
                connection.commit();
            }
            log.info("restore: {} events loaded in {} ms; the projections now replay them (GET /api/admin/processors"
                    + " shows their lag)", manifest.events(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static ZipFile open(Path archive) throws IOException {
        try {
            return new ZipFile(archive.toFile());
        } catch (ZipException e) {
            throw new IllegalStateException("restore: " + archive + " is not a complete backup (" + e.getMessage() + ")",
                    e);
        }
    }

    private static boolean alreadyRestored(Connection connection, BackupManifest manifest) throws SQLException {
        if (manifest.lastEventId() == null) {
            return false;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM domain_event_entry WHERE event_identifier = ?")) {
            statement.setString(1, manifest.lastEventId());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The same schema, and nothing in the tables a backup fills. */
    private void checkFresh(Connection connection, BackupManifest manifest) throws SQLException {
        List<String> migrations = SystemOfRecord.migrations(connection);
        if (!migrations.equals(manifest.migrations())) {
            List<String> missing = new ArrayList<>(manifest.migrations());
            missing.removeAll(migrations);
            List<String> extra = new ArrayList<>(migrations);
            extra.removeAll(manifest.migrations());
            throw new IllegalStateException("restore: the backup was taken with other migrations than this"
                    + " installation's (only in the backup: " + missing + "; only here: " + extra + "): restore it"
                    + " with the release that took it, then upgrade");
        }
        List<String> filled = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (BackupManifest.TableContents table : manifest.tables()) {
                try (ResultSet rows = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table.name() + ")")) {
                    rows.next();
                    if (rows.getBoolean(1)) {
                        filled.add(table.name());
                    }
                }
            }
        }
        if (!filled.isEmpty()) {
            throw new IllegalStateException("restore: this installation is not empty (" + filled + " hold rows);"
                    + " a backup is restored into an empty database");
        }
    }

    /** Sequences continue after the restored rows (the event store's global index first of all). */
    private static void advanceSequences(Connection connection, String table) throws SQLException {
        List<String[]> serials = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT column_name,"
                + " pg_get_serial_sequence(table_name, column_name) FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ?"
                + " AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    serials.add(new String[]{rows.getString(1), rows.getString(2)});
                }
            }
        }
        for (String[] serial : serials) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT setval(?, COALESCE(max("
                    + serial[0] + "), 0) + 1, false) FROM " + table)) {
                statement.setString(1, serial[1]);
                statement.execute();
            }
        }
    }

    /**
     * Claims of the backed-up nodes mean nothing here: the sagas' segments and the due deadlines are free for this
     * installation's nodes at once (a claim would otherwise hold them until it timed out).
     */
    private static void releaseClaims(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("UPDATE token_entry SET owner = NULL");
            statement.execute("UPDATE deadline_schedule SET picked = false, picked_by = NULL, last_heartbeat = NULL"
                    + " WHERE picked");
        }
    }
}
