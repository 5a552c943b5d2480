package org.familystation.query.evaluation;

import org.familystation.platform.error.DomainException;
import org.familystation.query.common.Period;
import org.familystation.query.common.QueryRefusals;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days an evaluation covers, both ends included, in the users' calendar: given as two dates, or as a year,
 * a quarter or a month. The previous period is the one of the same kind just before: the month before a month,
 * the quarter before a quarter, the year before a year, and as many days, ending the day before, for dates.
 */
public record EvaluationPeriod(Kind kind, LocalDate from, LocalDate to) {

    public enum Kind { DAYS, MONTH, QUARTER, YEAR }

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    /** The period of a request: either {@code from} and {@code to}, or {@code period}. */
    public static EvaluationPeriod of(LocalDate from, LocalDate to, String period, int maxDays) {
        boolean dates = from != null || to != null;
        boolean named = period != null && !period.isBlank();
        if (dates && named) {
            throw DomainException.refuseField(EvaluationRefusals.PERIOD_CONFLICT, "period");
        }
        EvaluationPeriod result;
        if (named) {
            result = named(period.strip());
        } else if (from == null || to == null) {
            throw DomainException.refuseField(EvaluationRefusals.PERIOD_REQUIRED, from == null ? "from" : "to");
        } else if (from.isAfter(to)) {
            throw DomainException.refuseField(QueryRefusals.PERIOD_INVALID, "from");
        } else {
            result = new EvaluationPeriod(Kind.DAYS, from, to);
        }
        if (result.days() > maxDays) {
            throw DomainException.refuseField(EvaluationRefusals.PERIOD_TOO_LONG, dates ? "to" : "period", maxDays);
        }
        return result;
    }

    private static EvaluationPeriod named(String period) {
        Matcher quarter = QUARTER.matcher(period);
        if (YEAR.matcher(period).matches()) {
            int year = Integer.parseInt(period);
            return new EvaluationPeriod(Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        if (quarter.matches()) {
            LocalDate first = LocalDate.of(Integer.parseInt(quarter.group(1)),
                    (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1, 1);
            return new EvaluationPeriod(Kind.QUARTER, first, first.plusMonths(3).minusDays(1));
        }
        if (MONTH.matcher(period).matches()) {
            try {
                YearMonth month = YearMonth.parse(period);
                return new EvaluationPeriod(Kind.MONTH, month.atDay(1), month.atEndOfMonth());
            } catch (DateTimeParseException notAMonth) {
                // falls through to the refusal
            }
        }
        throw DomainException.refuseField(EvaluationRefusals.PERIOD_UNREADABLE, "period", period);
    }

    /** The period of the same kind just before this one. */
    public EvaluationPeriod previous() {
        return switch (kind) {
            case YEAR -> new EvaluationPeriod(kind, from.minusYears(1), from.minusDays(1));
            case QUARTER -> new EvaluationPeriod(kind, from.minusMonths(3), from.minusDays(1));
            case MONTH -> new EvaluationPeriod(kind, from.minusMonths(1), from.minusDays(1));
            case DAYS -> new EvaluationPeriod(kind, from.minusDays(days()), from.minusDays(1));
        };
    }

    /** The days of this period up to {@code today}: all of it when it ended before today, else its start to today. */
    public EvaluationPeriod upTo(LocalDate today) {
        return to.isAfter(today) ? new EvaluationPeriod(kind, from, today) : this;
    }

    /** The first {@code count} days of this period (all of it when it has fewer). */
    public EvaluationPeriod firstDays(long count) {
        return count >= days() ? this : new EvaluationPeriod(kind, from, from.plusDays(count - 1));
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** How users name it: 2026, 2026-Q1, 2026-03, or 2026-01-05~2026-02-04. */
    public String label() {
        return switch (kind) {
            case YEAR -> String.valueOf(from.getYear());
            case QUARTER -> from.getYear() + "-Q" + (from.getMonthValue() + 2) / 3;
            case MONTH -> YearMonth.from(from).toString();
            case DAYS -> from + "~" + to;
        };
    }

    /** The instants of its days: from the start of {@code from} to the start of the day after {@code to}. */
    public Period instants(ZoneId zone) {
        return Period.ofDays(from, to, zone);
    }
}
