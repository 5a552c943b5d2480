package org.familystation.platform.input;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The dates the domain can hold ({@code familystation.network.*}): nothing happened in the federation's network before
 * it existed, and nothing is planned beyond the latest date. Every date and instant a client sends is checked against
 * them once, when its JSON is read, so a year 0001 or {@code -999999999-01-01T00:00:00Z} never reaches a rule, an
 * event or a database column.
 */
@ConfigurationProperties("familystation.network")
public class NetworkDates {

    /** The first day of the federation's family-station network (in {@link #timeZone}). */
    private LocalDate earliestDate = LocalDate.of(2014, 1, 1);
    /** The last day a date may name (plans and periods included). */
    private LocalDate latestDate = LocalDate.of(2099, 12, 31);
    /** The zone in which those days begin and end. */
    private ZoneId timeZone = ZoneId.of("Asia/Shanghai");

    public LocalDate getEarliestDate() {
        return earliestDate;
    }

    public void setEarliestDate(LocalDate earliestDate) {
        this.earliestDate = earliestDate;
    }

    public LocalDate getLatestDate() {
        return latestDate;
    }

    public void setLatestDate(LocalDate latestDate) {
        this.latestDate = latestDate;
    }

    public ZoneId getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(ZoneId timeZone) {
        this.timeZone = timeZone;
    }

    public Instant earliestInstant() {
        return earliestDate.atStartOfDay(timeZone).toInstant();
    }

    /** The first instant after the latest day. */
    public Instant endInstant() {
        return latestDate.plusDays(1).atStartOfDay(timeZone).toInstant();
    }

    public boolean allows(LocalDate date) {
        return !date.isBefore(earliestDate) && !date.isAfter(latestDate);
    }

    public boolean allows(Instant instant) {
        return !instant.isBefore(earliestInstant()) && instant.isBefore(endInstant());
    }
}
