package org.familystation.query.common;

import org.familystation.platform.error.DomainException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A period as users give it: whole days of their calendar, both ends included, either end open. Stored times
 * are UTC instants; the users' zone only decides where a day begins.
 *
 * @param start the first instant in the period, or null for "since the beginning"
 * @param end   the first instant after the period, or null for "until now"
 */
public record Period(Instant start, Instant end) {

    public static Period ofDays(LocalDate from, LocalDate to, ZoneId zone) {
        if (from != null && to != null && from.isAfter(to)) {
            throw DomainException.refuseField(QueryRefusals.PERIOD_INVALID, "from");
        }
        return new Period(from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
