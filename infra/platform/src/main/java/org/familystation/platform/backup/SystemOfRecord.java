package org.familystation.platform.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which tables a backup carries and which a restored installation rebuilds. Every table of the schema is one or the
 * other: a table nobody classified makes the backup fail (so a new table cannot be left out of backups unnoticed).
 * <ul>
 *     <li>carried: the events, the data keys that make their personal values readable, what was decided with the
 *     events in the same transaction (the command side's registries {@code cmd_*}, the sagas' state and their
 *     processors' tokens, the saga commands' outbox, the aggregates' deadlines) and what is recorded outside events
 *     (who read a referral's case);</li>
 *     <li>rebuilt: every read model ({@code rm_*}), the projections' tokens and dead letters (the replay handles
 *     those events again), the aggregates' snapshots (a cache of their events), the as-of fold's snapshots (likewise, written again
 *     by the snapshotter as the new installation catches up), the rebuilds' bookkeeping.</li>
 * </ul>
 */
public final class SystemOfRecord {

    /** Carried besides the {@code cmd_*} registries; token_entry only for the sagas' processors. */
    static final Set<String> CARRIED = Set.of("domain_event_entry", "personal_data_key", "case_read_log",
            "saga_entry", "association_value_entry", "token_entry", "saga_command", "deadline_schedule");
    static final Set<String> REBUILT = Set.of("snapshot_event_entry", "as_of_snapshot", "as_of_delivery",
            "dead_letter_entry", "admin_rebuild");
    /** Each installation's own: written by Flyway as it creates the schema. */
    static final String SCHEMA_HISTORY = "flyway_schema_history";
    /**
     * Neither carried nor rebuilt: what the running nodes share while they run (web sessions, the sign-in throttle's
     * failure counts, import jobs and their reports). A restored installation starts with none: users sign in again.
     */
    static final Set<String> NODE_STATE = Set.of("spring_session", "spring_session_attributes", "sign_in_failure",
            "import_job", "import_job_row");

    private SystemOfRecord() {
    }

    /** One table of a backup: its columns in order, and which of its rows are carried. */
    record Table(String name, List<String> columns, String where) {

        String select() {
            return "SELECT " + String.join(", ", columns) + " FROM " + name + (where == null ? "" : " WHERE " + where);
        }
    }

    /**
     * The carried tables of the schema as it is, the event store first.
     *
     * @param sagaProcessors the names of the sagas' processors, whose tokens are carried with the sagas' state
     */
    static List<Table> tables(Connection connection, Collection<String> sagaProcessors) throws SQLException {
        List<Table> tables = new ArrayList<>();
        List<String> unclassified = new ArrayList<>();
        for (String name : tableNames(connection)) {
            if (name.equals(SCHEMA_HISTORY) || name.startsWith("rm_") || REBUILT.contains(name)
                    || NODE_STATE.contains(name)) {
                continue;
            }
            if (!CARRIED.contains(name) && !name.startsWith("cmd_")) {
                unclassified.add(name);
                continue;
            }
            Table table = new Table(name, columns(connection, name),
                    name.equals("token_entry") ? tokensOf(sagaProcessors) : null);
            if (name.equals("domain_event_entry")) {
                tables.add(0, table);
            } else {
                tables.add(table);
            }
        }
        if (!unclassified.isEmpty()) {
            throw new IllegalStateException("tables neither carried by a backup nor rebuilt by a replay: "
                    + unclassified + " (classify them in " + SystemOfRecord.class.getName() + ")");
        }
        return tables;
    }

    private static String tokensOf(Collection<String> processors) {
        return processors.isEmpty() ? "false" : "processor_name IN (" + processors.stream()
                .map(processor -> "'" + processor.replace("'", "''") + "'").collect(Collectors.joining(", ")) + ")";
    }

    private static List<String> tableNames(Connection connection) throws SQLException {
        return strings(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                + " AND table_type = 'BASE TABLE' ORDER BY table_name", null);
    }

    static List<String> columns(Connection connection, String table) throws SQLException {
        return strings(connection, "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                + " AND table_name = ? ORDER BY ordinal_position", table);
    }

    private static List<String> strings(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    /** The migrations Flyway applied to the schema: two installations with the same ones have the same tables. */
    static List<String> migrations(Connection connection) throws SQLException {
        return strings(connection, "SELECT version FROM " + SCHEMA_HISTORY
                + " WHERE success AND version IS NOT NULL ORDER BY version", null);
    }
}
