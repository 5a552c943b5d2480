package org.familystation.query.common;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.List;

/** A page of rows of one read-model table, with the total count under the same filter. */
public final class PagedQuery {

    private PagedQuery() {
    }

    /**
     * @param where   a WHERE clause (or empty) over named parameters in {@code parameters}
     * @param orderBy columns that order the rows completely, so pages never overlap
     */
    public static <T> PageOf<T> page(NamedParameterJdbcTemplate jdbc, String table, String where, String orderBy,
                                     MapSqlParameterSource parameters, Paging paging, RowMapper<T> rows) {
        return page(jdbc, "SELECT * FROM " + table + " " + where + " ORDER BY " + orderBy
                + " LIMIT :limit OFFSET :offset", "SELECT count(*) FROM " + table + " " + where, parameters, paging,
                rows);
    }

    /**
     * A page read and counted by statements of their own, for a page that is cheaper to choose before its rows are
     * read (the audit trail's entries join the event store's rows: AuditTrailController).
     *
     * @param pageSql  the page's rows, in order, using {@code :limit} and {@code :offset}
     * @param countSql the count of all the pages' rows
     */
    public static <T> PageOf<T> page(NamedParameterJdbcTemplate jdbc, String pageSql, String countSql,
                                     MapSqlParameterSource parameters, Paging paging, RowMapper<T> rows) {
        parameters.addValue("limit", paging.size()).addValue("offset", paging.offset());
        List<T> items = jdbc.query(pageSql, parameters, rows);
        Long total = jdbc.queryForObject(countSql, parameters, Long.class);
        return new PageOf<>(items, paging.page(), paging.size(), total == null ? 0 : total);
    }
}
