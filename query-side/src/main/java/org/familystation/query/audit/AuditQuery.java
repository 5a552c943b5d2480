package org.familystation.query.audit;

import org.familystation.platform.error.DomainException;
import org.familystation.query.common.QueryRefusals;
import org.familystation.query.common.Sql;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.util.MultiValueMap;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A selection of the audit trail as clients ask for it, checked: which events (any combination of the filters) and
 * in which order. The same selection serves a page and an export.
 *
 * @param eventTypes events of any of these types (none: all types)
 * @param start      the first instant of the period, or null
 * @param end        the first instant after the period, or null
 */
public record AuditQuery(String aggregateId, String aggregateType, String userId, String unitId,
                         String correlationId, Set<String> eventTypes, Instant start, Instant end,
                         boolean newestFirst) {

    /** The filters, as query parameters. */
    static final List<String> FILTERS = List.of("aggregateId", "aggregateType", "eventType", "userId", "unitId",
            "correlationId", "from", "to", "order");

    /** An offset written after a space: a {@code +} of an unencoded query string, which decodes to a space. */
    private static final Pattern DECODED_PLUS = Pattern.compile(" (?=\\d{2}:?\\d{2}$)");

    /**
     * @param parameters the request's query parameters
     * @param alsoAccepted parameters that are not filters but that the endpoint takes (paging)
     */
    static AuditQuery of(MultiValueMap<String, String> parameters, Collection<String> alsoAccepted,
                         AuditEventTypes types, ZoneId zone) {
        for (String name : parameters.keySet()) {
            if (!FILTERS.contains(name) && !alsoAccepted.contains(name)) {
                List<String> accepted = new ArrayList<>(FILTERS);
                accepted.addAll(alsoAccepted);
                throw DomainException.refuseField(AuditRefusals.AUDIT_PARAMETER_UNKNOWN, name, name,
                        String.join(", ", accepted));
            }
        }
        Set<String> eventTypes = new LinkedHashSet<>();
        for (String value : parameters.getOrDefault("eventType", List.of())) {
            Arrays.stream(value.split(",")).map(String::strip).filter(type -> !type.isEmpty()).forEach(type -> {
                if (!types.isKnown(type)) {
                    throw DomainException.refuseField(AuditRefusals.AUDIT_EVENT_TYPE_UNKNOWN, "eventType", type);
                }
                eventTypes.add(type);
            });
        }
        String from = single(parameters, "from");
        String to = single(parameters, "to");
        Instant start = from == null ? null : instant(from, zone, "from", false);
        Instant end = to == null ? null : instant(to, zone, "to", true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw DomainException.refuseField(QueryRefusals.PERIOD_INVALID, "from");
        }
        String order = single(parameters, "order");
        if (order != null && !order.equals("newest") && !order.equals("oldest")) {
            throw DomainException.refuseField(AuditRefusals.AUDIT_ORDER_INVALID, "order", order);
        }
        return new AuditQuery(single(parameters, "aggregateId"), single(parameters, "aggregateType"),
                single(parameters, "userId"), single(parameters, "unitId"), single(parameters, "correlationId"),
                eventTypes, start, end, !"oldest".equals(order));
    }

    /** The WHERE clause (or nothing) over {@link #parameters()}: only the filters given, so that indexes serve. */
    String where() {
        List<String> conditions = new ArrayList<>();
        if (aggregateId != null) {
            conditions.add("aggregate_id = :aggregateId");
        }
        if (aggregateType != null) {
            conditions.add("aggregate_type = :aggregateType");
        }
        if (userId != null) {
            conditions.add("user_id = :userId");
        }
        if (unitId != null) {
            conditions.add("unit_id = :unitId");
        }
        if (correlationId != null) {
            conditions.add("correlation_id = :correlationId");
        }
        if (!eventTypes.isEmpty()) {
            conditions.add("event_type IN (:eventTypes)");
        }
        if (start != null) {
            conditions.add("occurred_at >= :start");
        }
        if (end != null) {
            conditions.add("occurred_at < :end");
        }
        return conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
    }

    MapSqlParameterSource parameters() {
        return new MapSqlParameterSource()
                .addValue("aggregateId", aggregateId)
                .addValue("aggregateType", aggregateType)
                .addValue("userId", userId)
                .addValue("unitId", unitId)
                .addValue("correlationId", correlationId)
                .addValue("eventTypes", eventTypes)
                .addValue("start", Sql.timestamp(start))
                .addValue("end", Sql.timestamp(end));
    }

    /** The event store's order (its global index): total, so that pages never overlap. */
    String orderBy() {
        return newestFirst ? "global_index DESC" : "global_index";
    }

    /** The parameter's one value, or null when it is not given or blank. */
    private static String single(MultiValueMap<String, String> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of()).stream()
                .filter(value -> !value.isBlank()).toList();
        if (values.size() > 1) {
            throw DomainException.refuseField(AuditRefusals.AUDIT_PARAMETER_REPEATED, name, name);
        }
        return values.isEmpty() ? null : values.get(0).strip();
    }

    /**
     * A day of the users' calendar (from its start; for {@code to}, until the next day's start, so the day is
     * included), an instant with its offset, or a time of day without one, read in the users' zone.
     */
    private static Instant instant(String value, ZoneId zone, String field, boolean end) {
        Instant instant = parsed(value, zone, field, end);
        // Years 1 to 9999: what a timestamp column can compare (an instant of year -999999999 overflowed it).
        if (instant.isBefore(FIRST) || !instant.isBefore(BEYOND_LAST)) {
            throw DomainException.refuseField(AuditRefusals.AUDIT_TIME_INVALID, field, value);
        }
        return instant;
    }

    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant BEYOND_LAST = Instant.parse("9999-12-31T23:59:59Z");

    private static Instant parsed(String value, ZoneId zone, String field, boolean end) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            String text = DECODED_PLUS.matcher(value).replaceFirst("+");
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException noOffset) {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            }
        } catch (DateTimeException invalid) {
            throw DomainException.refuseField(AuditRefusals.AUDIT_TIME_INVALID, field, value);
        }
    }
}
