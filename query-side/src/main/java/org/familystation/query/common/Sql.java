package org.familystation.query.common;

import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Consumer;

/** Small helpers between JDBC and the read models: conversions of types, and idempotent row updates. */
public final class Sql {

    /**
     * Rows per multi-row statement: a projection's batch in one or a few round trips, and at most a few thousand
     * parameters (PostgreSQL takes 32,767 per statement).
     */
    static final int ROWS_PER_STATEMENT = 500;

    private Sql() {
    }

    /**
     * Runs {@code statement} on consecutive slices of {@code rows} of at most {@value #ROWS_PER_STATEMENT}, each
     * written with {@link #valueRows}.
     */
    public static <T> void inSlices(List<T> rows, Consumer<List<T>> statement) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            statement.accept(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)));
        }
    }

    /**
     * A column of rows sent as one array ({@link #columns}, read back with {@link #unnest}): its SQL array type and
     * the Java type of its values, declared once for both.
     */
    public enum ArrayColumn {
        TEXT("TEXT[]", String.class),
        BIGINT("BIGINT[]", Long.class),
        INTEGER("INTEGER[]", Integer.class),
        SMALLINT("SMALLINT[]", Integer.class),
        /** Instants as ISO-8601 text ({@code Instant.toString()}), which PostgreSQL reads without a time zone. */
        TIMESTAMPTZ("TIMESTAMPTZ[]", String.class);

        private final String sqlType;
        private final Class<?> javaType;

        ArrayColumn(String sqlType, Class<?> javaType) {
            this.sqlType = sqlType;
            this.javaType = javaType;
        }
    }

    /**
     * {@code unnest(CAST(? AS TEXT[]), CAST(? AS BIGINT[]), …)}: the rows of a statement whose parameters are
     * {@link #columns} of the same {@code columns}.
     */
    public static String unnest(ArrayColumn... columns) {
        StringJoiner casts = new StringJoiner(", ", "unnest(", ")");
        for (ArrayColumn column : columns) {
            casts.add("CAST(? AS " + column.sqlType + ")");
        }
        return casts.toString();
    }

    /**
     * The rows' values column by column, column {@code i} one array of {@code columns[i]}'s Java type (nulls kept):
     * the parameters of a statement that reads its rows with {@link #unnest} of the same columns. Its parameters are
     * as many as its columns whatever the number of rows, so one prepared statement serves every batch, and the
     * driver and PostgreSQL bind a few arrays instead of thousands of placeholders: the audit trail's 14 columns of
     * 500 rows were 7,000 parameters per statement, and binding parameters one by one (Spring's work per parameter and
     * the driver's) was a fifth of the application's replay profile, the audit trail's 8%.
     */
    public static Object[] columns(List<Object[]> rows, ArrayColumn... columns) {
        Object[] arrays = new Object[columns.length];
        for (int column = 0; column < columns.length; column++) {
            Class<?> type = columns[column].javaType;
            // Reference types only (String, Long, Integer: what the driver sends as an array), stored without
            // reflection per value: this runs for every row of every batch of a replay.
            Object[] values = (Object[]) Array.newInstance(type, rows.size());
            for (int row = 0; row < rows.size(); row++) {
                values[row] = type.cast(rows.get(row)[column]);
            }
            arrays[column] = values;
        }
        return arrays;
    }

    /** The rows of a multi-row {@code VALUES} list: {@code row} (e.g. {@code "(?, ?)"}) {@code count} times. */
    public static String valueRows(int count, String row) {
        return String.join(", ", Collections.nCopies(count, row));
    }

    /**
     * The LIKE pattern of names containing {@code text} (its wildcards taken literally), or null for no filter: a
     * picker's type-to-search over lists longer than a page.
     */
    public static String containing(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    public static Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    /**
     * Sets columns of one read-model row from an event, only if the event is newer than what the row reflects (its
     * {@code last_sequence}), so that a redelivered event changes nothing.
     *
     * @param assignments for example {@code "status = 'ADMITTED', admitted_at = ?"}, with {@code values} for its
     *                    placeholders
     * @return the rows changed: 1, or 0 when the event was not news to the row
     */
    public static int updateIfNewer(JdbcTemplate jdbc, String table, String idColumn, String id, long sequence,
                                    String assignments, Object... values) {
        Object[] arguments = new Object[values.length + 3];
        System.arraycopy(values, 0, arguments, 0, values.length);
        arguments[values.length] = sequence;
        arguments[values.length + 1] = id;
        arguments[values.length + 2] = sequence;
        return jdbc.update("UPDATE " + table + " SET " + assignments + ", last_sequence = ?"
                + " WHERE " + idColumn + " = ? AND last_sequence < ?", arguments);
    }
}
