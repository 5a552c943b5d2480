package org.familystation.query.referral;

import org.familystation.events.common.CityCentre;
import org.familystation.query.common.Period;
import org.familystation.query.common.QueryProperties;
import org.familystation.query.common.Sql;
import org.familystation.query.reach.Reaches;
import org.familystation.query.referral.ReferralDashboard.CentreFigures;
import org.familystation.query.referral.ReferralDashboard.Hours;
import org.familystation.query.referral.ReferralDashboard.OpenByAge;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The referral dashboard, from {@code rm_referral} alone: two GROUP BYs over the period's referrals (an index on
 * district and referral time), never the events. Medians need the individual durations, which is why this reads
 * the referral rows rather than counters; a city's referrals number thousands a year.
 */
@RestController
public class ReferralDashboardController {

    private static final String FILTER = """
            WHERE (CAST(:district AS VARCHAR) IS NULL OR district = :district)
              AND (CAST(:start AS TIMESTAMPTZ) IS NULL OR referred_at >= :start)
              AND (CAST(:end AS TIMESTAMPTZ) IS NULL OR referred_at < :end)""";

    private static final String OPEN = ReferralStatus.OPEN.stream().map(status -> "'" + status.name() + "'")
            .collect(Collectors.joining(", ", "status IN (", ")"));

    private final NamedParameterJdbcTemplate jdbc;
    private final QueryProperties properties;
    private final Clock clock;
    private final Reaches reaches;

    public ReferralDashboardController(NamedParameterJdbcTemplate jdbc, QueryProperties properties, Clock clock,
                                       Reaches reaches) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.reaches = reaches;
    }

    /**
     * @param district only referrals from this district's stations
     * @param from     first day of referrals counted (users' calendar), open when absent
     * @param to       last day of referrals counted, included
     */
    @GetMapping("/api/dashboard/referrals")
    public ReferralDashboard referrals(
            @RequestParam(required = false) String district,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Period period = Period.ofDays(from, to, properties.getTimeZone());
        Instant now = clock.instant();
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("district", district)
                .addValue("start", Sql.timestamp(period.start()))
                .addValue("end", Sql.timestamp(period.end()))
                .addValue("now", Sql.timestamp(now));
        String filter = FILTER + " AND " + reaches.current().referrals("station_id", "centre", parameters);

        Map<CityCentre, Map<ReferralStatus, Long>> byStatus = new EnumMap<>(CityCentre.class);
        for (CityCentre centre : CityCentre.values()) {
            Map<ReferralStatus, Long> counts = new EnumMap<>(ReferralStatus.class);
            Arrays.stream(ReferralStatus.values()).forEach(status -> counts.put(status, 0L));
            byStatus.put(centre, counts);
        }
        jdbc.query("SELECT centre, status, count(*) AS referrals FROM rm_referral " + filter
                        + " GROUP BY centre, status", parameters,
                row -> {
                    byStatus.get(CityCentre.valueOf(row.getString("centre")))
                            .put(ReferralStatus.valueOf(row.getString("status")), row.getLong("referrals"));
                });

        Map<CityCentre, CentreFigures> figures = new HashMap<>();
        jdbc.query("""
                SELECT centre,
                       count(*) AS referred,
                       count(*) FILTER (WHERE status = 'CLOSED') AS closed,
                       count(*) FILTER (WHERE overdue) AS overdue,
                       count(*) FILTER (WHERE %1$s) AS open,
                       count(*) FILTER (WHERE %1$s AND referred_at > CAST(:now AS TIMESTAMPTZ) - INTERVAL '1 day')
                           AS open_under_1,
                       count(*) FILTER (WHERE %1$s AND referred_at <= CAST(:now AS TIMESTAMPTZ) - INTERVAL '1 day'
                                              AND referred_at > CAST(:now AS TIMESTAMPTZ) - INTERVAL '3 days')
                           AS open_1_to_3,
                       count(*) FILTER (WHERE %1$s AND referred_at <= CAST(:now AS TIMESTAMPTZ) - INTERVAL '3 days'
                                              AND referred_at > CAST(:now AS TIMESTAMPTZ) - INTERVAL '7 days')
                           AS open_3_to_7,
                       count(*) FILTER (WHERE %1$s AND referred_at <= CAST(:now AS TIMESTAMPTZ) - INTERVAL '7 days')
                           AS open_over_7,
                       count(accepted_at) AS accepted,
                       EXTRACT(EPOCH FROM avg(accepted_at - referred_at)) / 3600 AS accept_average,
                       EXTRACT(EPOCH FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY accepted_at - referred_at))
                           / 3600 AS accept_median,
                       count(resolved_at) AS resolved,
                       EXTRACT(EPOCH FROM avg(resolved_at - referred_at)) / 3600 AS resolve_average,
                       EXTRACT(EPOCH FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY resolved_at - referred_at))
                           / 3600 AS resolve_median
                FROM rm_referral_now
                """.formatted(OPEN) + filter + " GROUP BY centre", parameters,
                row -> {
                    CityCentre centre = CityCentre.valueOf(row.getString("centre"));
                    long referred = row.getLong("referred");
                    long closed = row.getLong("closed");
                    figures.put(centre, new CentreFigures(centre, centre.label(), referred, byStatus.get(centre),
                            new OpenByAge(row.getLong("open"), row.getLong("open_under_1"),
                                    row.getLong("open_1_to_3"), row.getLong("open_3_to_7"),
                                    row.getLong("open_over_7")),
                            row.getLong("overdue"),
                            new Hours(row.getLong("accepted"), hours(row, "accept_average"),
                                    hours(row, "accept_median")),
                            new Hours(row.getLong("resolved"), hours(row, "resolve_average"),
                                    hours(row, "resolve_median")),
                            closed, referred == 0 ? null : Math.round(closed * 1000.0 / referred) / 1000.0));
                });

        return new ReferralDashboard(district, from, to, now, Arrays.stream(CityCentre.values())
                .map(centre -> figures.getOrDefault(centre, new CentreFigures(centre, centre.label(), 0,
                        byStatus.get(centre), new OpenByAge(0, 0, 0, 0, 0), 0, new Hours(0, null, null),
                        new Hours(0, null, null), 0, null)))
                .toList());
    }

    /** Hours to two decimals, or null (nothing to average). */
    public static Double hours(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : Math.round(value * 100) / 100.0;
    }
}
