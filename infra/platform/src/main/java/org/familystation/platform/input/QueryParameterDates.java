package org.familystation.platform.input;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import java.beans.PropertyEditorSupport;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * Dates and instants in query parameters (periods, "as of"), for every controller: read as ISO-8601, as before, and
 * only within the years 1 to 9999 that the databases can compare. A query may ask about the years before the
 * network existed (the answer is empty), but {@code from=-999999999-01-01} is a 400 {@code INVALID_PARAMETER} naming
 * the parameter, not an overflow deep in a query (a 500).
 */
@ControllerAdvice
public class QueryParameterDates {

    static final OffsetDateTime FIRST = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    static final OffsetDateTime BEYOND_LAST = OffsetDateTime.of(9999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC);

    @InitBinder
    public void boundedDates(WebDataBinder binder) {
        binder.registerCustomEditor(LocalDate.class, new Bounded<>(LocalDate::parse,
                date -> date.atStartOfDay().atOffset(ZoneOffset.UTC)));
        binder.registerCustomEditor(OffsetDateTime.class, new Bounded<>(OffsetDateTime::parse, time -> time));
        binder.registerCustomEditor(Instant.class, new Bounded<>(Instant::parse,
                instant -> instant.atOffset(ZoneOffset.UTC)));
    }

    private static final class Bounded<T> extends PropertyEditorSupport {

        private final Function<String, T> parse;
        private final Function<T, OffsetDateTime> asTime;

        Bounded(Function<String, T> parse, Function<T, OffsetDateTime> asTime) {
            this.parse = parse;
            this.asTime = asTime;
        }

        @Override
        public void setAsText(String text) {
            if (text == null || text.isBlank()) {
                setValue(null);
                return;
            }
            T value;
            OffsetDateTime time;
            try {
                value = parse.apply(text.strip());
                time = asTime.apply(value);
            } catch (DateTimeException unreadable) {
                // Spring answers an IllegalArgumentException with a 400 naming the parameter; this, with a 500.
                throw new IllegalArgumentException(unreadable.getMessage(), unreadable);
            }
            if (time.isBefore(FIRST) || time.isAfter(BEYOND_LAST)) {
                throw new IllegalArgumentException("outside the years 1 to 9999: " + text);
            }
            setValue(value);
        }
    }
}
