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
        parameters.addValue("limit", paging.size()).addValue("offset", paging.offset());
        List<T> items = jdbc.query("SELECT * FROM " + table + " " + where + " ORDER BY " + orderBy
                + " LIMIT :limit OFFSET :offset", parameters, rows);
        Long total = jdbc.queryForObject("SELECT count(*) FROM " + table + " " + where, parameters, Long.class);
        return new PageOf<>(items, paging.page(), paging.size(), total == null ? 0 : total);
    }
}
