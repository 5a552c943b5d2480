package org.familystation.query.common;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.List;

/**
 * A page of rows of one read-model table, with the count of the rows under the same filter: exact up to
 * {@link #COUNT_CAP} rows past the page's start, "at least" beyond.
 */
public final class PagedQuery {

    /**
     * How many rows past a page's start a list is counted before its total is given as "at least": counting a
     * selection costs a visit to every row of it (at 1M audit entries under load, 91 ms for the whole trail and 179
     * ms for one event type, where the page's own rows took 0.04–0.13 ms: BENCHMARKS.md, run Q), and no one pages
     * through ten thousand rows to the end; they narrow the selection, or export it. The same figure as search's
     * result window ({@code SearchIndex}), which counts its hits exactly: Elasticsearch does that cheaply.
     */
    public static final int COUNT_CAP = 10_000;

    private PagedQuery() {
    }

    /**
     * @param where   a WHERE clause (or empty) over named parameters in {@code parameters}
     * @param orderBy columns that order the rows completely, so pages never overlap
     */
    public static <T> PageOf<T> page(NamedParameterJdbcTemplate jdbc, String table, String where, String orderBy,
                                     MapSqlParameterSource parameters, Paging paging, RowMapper<T> rows) {
        return page(jdbc, "SELECT * FROM " + table + " " + where + " ORDER BY " + orderBy
                + " LIMIT :limit OFFSET :offset", "SELECT 1 FROM " + table + " " + where, parameters, paging, rows);
    }

    /**
     * A page read and counted by statements of their own, for a page that is cheaper to choose before its rows are
     * read (the audit trail's entries join the event store's rows: AuditTrailController).
     *
     * @param pageSql      the page's rows, in order, using {@code :limit} and {@code :offset}
     * @param selectionSql all the pages' rows, unordered and of any columns (they are only counted)
     */
    public static <T> PageOf<T> page(NamedParameterJdbcTemplate jdbc, String pageSql, String selectionSql,
                                     MapSqlParameterSource parameters, Paging paging, RowMapper<T> rows) {
        long counted = paging.offset() + COUNT_CAP;
        parameters.addValue("limit", paging.size()).addValue("offset", paging.offset())
                .addValue("countLimit", counted + 1);
        List<T> items = jdbc.query(pageSql, parameters, rows);
        Long total = jdbc.queryForObject("SELECT count(*) FROM (" + selectionSql + " LIMIT :countLimit) AS selection",
                parameters, Long.class);
        long found = total == null ? 0 : total;
        return found > counted
                ? new PageOf<>(items, paging.page(), paging.size(), counted, false)
                : new PageOf<>(items, paging.page(), paging.size(), found);
    }
}
