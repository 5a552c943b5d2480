package org.familystation.query.common;

import org.familystation.events.personaldata.PersonalData;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a projection does with {@code PersonalDataErased}: its copies of the subject's personal values become
 * {@link PersonalData#ERASED} (absent values stay absent). A replay needs nothing more, since the erased subject's
 * events then read as erased already; and a row written after this by a lagging segment is erased the same way.
 */
public final class ErasedColumns {

    private ErasedColumns() {
    }

    /** Erases {@code columns} of the rows of {@code table} whose {@code idColumn} is {@code id}. */
    public static void erase(JdbcTemplate jdbc, String table, String idColumn, String id, String... columns) {
        String assignments = Arrays.stream(columns)
                .map(column -> column + " = CASE WHEN " + column + " IS NULL THEN NULL ELSE ? END")
                .collect(Collectors.joining(", "));
        Object[] arguments = new Object[columns.length + 1];
        Arrays.fill(arguments, PersonalData.ERASED);
        arguments[columns.length] = id;
        jdbc.update("UPDATE " + table + " SET " + assignments + " WHERE " + idColumn + " = ?", arguments);
    }
}
