package org.familystation.query.common;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Small helpers between JDBC and the read models: conversions of types, and idempotent row updates. */
public final class Sql {

    private Sql() {
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
