package org.familystation.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where PostgreSQL's time goes, statement by statement ({@code pg_stat_statements}, {@code --postgres-statements=true}):
 * the profile behind a missed target on the database's side. Reset when a measured window begins and read when it
 * ends, each statement's calls and execution time are divided by the commands acknowledged (or the events replayed)
 * in the window. Execution time is the backend's wall time for the statement, planning excluded: CPU for the
 * statements that only compute, and for {@code COMMIT} mostly the wait for the WAL to reach the disk (not CPU).
 * The harness's own statements (the lag probe's look-ups) are among them and named by their text.
 */
final class PostgresStatements {

    /** The server settings that load the extension (it needs a restart to load, so it is set at start). */
    static final Map<String, String> SERVER_SETTINGS = Map.of(
            "shared_preload_libraries", "pg_stat_statements",
            "pg_stat_statements.max", "2000");
    private static final int TOP = 15;
    private static final int QUERY_CHARS = 200;

    /** The servers whose statements are counted; null: none are ({@link #off()}). */
    private final Servers servers;

    private PostgresStatements(Servers servers) {
        this.servers = servers;
    }

    /** Statements not counted: {@link #reset} and {@link #readInto} do nothing. */
    static PostgresStatements off() {
        return new PostgresStatements(null);
    }

    /** Counting on {@code servers}, started with {@link #SERVER_SETTINGS}. */
    static PostgresStatements install(Servers servers) throws java.io.IOException {
        execute(servers, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        return new PostgresStatements(servers);
    }

    /** Starts a measured window: the counts so far are dropped. */
    void reset() throws java.io.IOException {
        if (servers != null) {
            execute(servers, "SELECT pg_stat_statements_reset()");
        }
    }

    /**
     * Puts the statements since the last {@link #reset} under {@code key} in {@code into} (nothing when not counted),
     * the most time-consuming first.
     *
     * @param count the commands (or events, or queries) of the window, what the figures are per
     * @param unit  "command", "event" or "query", named in the keys
     */
    void readInto(Map<String, Object> into, String key, long count, String unit) throws SQLException {
        if (servers != null) {
            into.put(key, read(count, unit));
        }
    }

    private Map<String, Object> read(long count, String unit) throws SQLException {
        String per = per(unit);
        List<Map<String, Object>> top = new ArrayList<>();
        long calls = 0;
        double millis = 0;
        try (Connection connection = servers.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT query, calls, total_exec_time, rows"
                     + " FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database"
                     + " WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'"
                     + " ORDER BY total_exec_time DESC")) {
            while (rows.next()) {
                long statementCalls = rows.getLong("calls");
                double statementMillis = rows.getDouble("total_exec_time");
                calls += statementCalls;
                millis += statementMillis;
                if (top.size() < TOP) {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("query", shorten(rows.getString("query")));
                    one.put("calls", statementCalls);
                    one.put("calls" + per, round(statementCalls / (double) Math.max(1, count)));
                    one.put("ms" + per, round(statementMillis / Math.max(1, count)));
                    one.put("meanMs", round(statementMillis / Math.max(1, statementCalls)));
                    one.put("rows", rows.getLong("rows"));
                    top.add(one);
                }
            }
        }
        for (Map<String, Object> one : top) {
            one.put("share", round(((Number) one.get("ms" + per)).doubleValue() * Math.max(1, count) / millis));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(unit + "s", count);
        result.put("statements" + per, round(calls / (double) Math.max(1, count)));
        result.put("ms" + per, round(millis / Math.max(1, count)));
        result.put("top", top);
        return result;
    }

    /** A few lines for the printed report: the statements' total per unit and the heaviest ones. */
    @SuppressWarnings("unchecked")
    static String lines(Map<String, Object> read, String unit, int shown) {
        String per = per(unit);
        StringBuilder out = new StringBuilder(String.format("  PostgreSQL statements: %s per %s, %s ms per %s%n",
                read.get("statements" + per), unit, read.get("ms" + per), unit));
        List<Map<String, Object>> top = (List<Map<String, Object>>) read.get("top");
        for (Map<String, Object> one : top.subList(0, Math.min(shown, top.size()))) {
            String query = (String) one.get("query");
            out.append(String.format("  %7.3f ms %6.2f calls  %-90s%n", ((Number) one.get("ms" + per)).doubleValue(),
                    ((Number) one.get("calls" + per)).doubleValue(),
                    query.length() > 90 ? query.substring(0, 87) + "..." : query));
        }
        return out.toString();
    }

    /** The suffix of the figures' keys: "PerCommand", "PerEvent", "PerQuery". */
    private static String per(String unit) {
        return "Per" + Character.toUpperCase(unit.charAt(0)) + unit.substring(1);
    }

    private static void execute(Servers servers, String sql) throws java.io.IOException {
        try (Connection connection = servers.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failed) {
            throw new java.io.IOException("PostgreSQL refused " + sql, failed);
        }
    }

    private static String shorten(String query) {
        String oneLine = query.replaceAll("\\s+", " ").strip();
        return oneLine.length() > QUERY_CHARS ? oneLine.substring(0, QUERY_CHARS - 3) + "..." : oneLine;
    }

    private static double round(double value) {
        return Math.round(value * 1_000) / 1_000.0;
    }
}
