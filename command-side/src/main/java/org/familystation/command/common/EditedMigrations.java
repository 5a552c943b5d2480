package org.familystation.command.common;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The command side's migrations that were edited after installations had applied them: each lost the SQL that copied
 * events into a registry ({@link RegistryRebuild} does that now, through the registries' handlers), its DDL left as
 * it was. Flyway refuses to start when an applied migration's checksum differs from its file's, so before migrating
 * the recorded checksum of each of these is moved from exactly the old file's to the new file's. Only these
 * versions, and only from that old checksum: any other difference (an accidental edit) still stops the start, which
 * Flyway's {@code repair} or {@code validateOnMigrate=false} would hide. The versions stay, so installations that ran
 * the old files and fresh ones list the same migrations (a backup is restored only into the same list).
 */
@Component
public class EditedMigrations implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(EditedMigrations.class);

    /** A migration's checksum as Flyway recorded it from the file before the edit, and as it computes it after. */
    public record Edit(String version, int before, int after) {
    }

    public static final List<Edit> EDITS = List.of(
            new Edit("2026.11.29.71", -1436906182, -1701152732),
            new Edit("2026.12.03.10", -2066383314, -1193269789),
            new Edit("2026.12.03.85", -1331783372, -341052123),
            new Edit("2026.12.03.87", -770530642, -2068075547),
            new Edit("2026.12.03.9601", -134110885, -241726061));

    @Override
    public void migrate(Flyway flyway) {
        realign(flyway.getConfiguration());
        flyway.migrate();
    }

    /** Moves the recorded checksums of the edited migrations to the edited files'; nothing on a fresh schema. */
    public void realign(Configuration configuration) {
        JdbcTemplate jdbc = new JdbcTemplate(configuration.getDataSource());
        String schema = configuration.getDefaultSchema();
        String history = (schema == null ? "" : schema + ".") + configuration.getTable();
        Boolean exists = jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, history);
        if (!Boolean.TRUE.equals(exists)) {
            return;
        }
        for (Edit edit : EDITS) {
            if (jdbc.update("UPDATE " + history + " SET checksum = ? WHERE version = ? AND checksum = ?",
                    edit.after(), edit.version(), edit.before()) > 0) {
                log.info("migration {}: checksum {} of the applied file moved to {}, the file without its copy of"
                        + " events", edit.version(), edit.before(), edit.after());
            }
        }
    }
}
