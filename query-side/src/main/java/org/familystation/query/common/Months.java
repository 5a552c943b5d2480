package org.familystation.query.common;

import org.familystation.platform.error.DomainException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.time.YearMonth;

/**
 * A period of whole months of the users' calendar, both ends included, either end open: the periods of the
 * dashboards, whose counters are kept per month ({@code month} columns holding {@code yyyy-MM}).
 */
public record Months(YearMonth from, YearMonth to) {

    /** The SQL condition on a {@code month} column, over the parameters {@link #addTo} adds. */
    public static final String CONDITION = "(CAST(:from AS VARCHAR) IS NULL OR month >= :from)"
            + " AND (CAST(:to AS VARCHAR) IS NULL OR month <= :to)";

    public static Months of(YearMonth from, YearMonth to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw DomainException.refuseField(QueryRefusals.PERIOD_INVALID, "from");
        }
        return new Months(from, to);
    }

    public MapSqlParameterSource addTo(MapSqlParameterSource parameters) {
        return parameters.addValue("from", from == null ? null : from.toString())
                .addValue("to", to == null ? null : to.toString());
    }
}
