package org.familystation.query.funding;

import org.familystation.events.common.FundingSource;
import org.familystation.platform.error.DomainException;
import org.familystation.query.common.AnswerCache;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.QueryRefusals;
import org.familystation.query.funding.FundingMix.DistrictFunding;
import org.familystation.query.funding.FundingMix.SourceShare;
import org.familystation.query.reach.Reach;
import org.familystation.query.reach.Reaches;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The funding mix (DOMAIN.md §7), answered from the funding counters alone: at most sources × months × districts. A
 * repeated request is answered from the {@link AnswerCache} while they are unchanged.
 */
@RestController
public class FundingMixQueryController {

    /** Whose tables the answer reads: rm_funding_stats (or the allocations), and rm_station for the reach. */
    private static final List<String> READ_MODELS = List.of(ProcessingGroups.FUNDS, ProcessingGroups.STATIONS);

    private static final BigDecimal ALL = BigDecimal.valueOf(10_000);

    private final NamedParameterJdbcTemplate jdbc;
    private final AnswerCache answers;
    private final Reaches reaches;

    public FundingMixQueryController(NamedParameterJdbcTemplate jdbc, AnswerCache answers, Reaches reaches) {
        this.jdbc = jdbc;
        this.answers = answers;
        this.reaches = reaches;
    }

    /**
     * @param districtName only allocations to this district's stations, and what was spent of them
     * @param from     first month counted (yyyy-MM, users' calendar), open when absent
     * @param to       last month counted, included
     */
    @GetMapping("/api/dashboard/funding")
    public FundingMix funding(@RequestParam(name = "district", required = false) String districtName,
                              @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
                              @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
        String district = districtName == null || districtName.isBlank() ? null : districtName.strip();
        if (from != null && to != null && from.isAfter(to)) {
            throw DomainException.refuseField(QueryRefusals.PERIOD_INVALID, "from");
        }
        Reach reach = reaches.current();
        return answers.answer(READ_MODELS, Arrays.asList("funding", reach.key(), district, from, to),
                () -> compute(reach, district, from, to));
    }

    /**
     * The counters in reach: their rows (kept per station) of the stations in reach. Money received and allocations
     * to projects belong to no station (station and district '') and so only to the whole network.
     */
    private static String stats(Reach reach, MapSqlParameterSource parameters) {
        return reach.counters("rm_funding_stats", Reach.CountersKeyedBy.STATION, parameters);
    }

    private FundingMix compute(Reach reach, String district, YearMonth from, YearMonth to) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("district", district)
                .addValue("from", from == null ? null : from.toString())
                .addValue("to", to == null ? null : to.toString());
        String filter = """
                WHERE (CAST(:district AS VARCHAR) IS NULL OR district = :district)
                  AND (CAST(:from AS VARCHAR) IS NULL OR month >= :from)
                  AND (CAST(:to AS VARCHAR) IS NULL OR month <= :to)""";
        String stats = stats(reach, parameters);

        Map<FundingSource, Sums> sums = new EnumMap<>(FundingSource.class);
        Arrays.stream(FundingSource.values()).forEach(source -> sums.put(source, new Sums(0, 0, 0)));
        jdbc.query("SELECT source, sum(received_fen) AS received, sum(allocated_fen) AS allocated,"
                + " sum(spent_fen) AS spent FROM " + stats + " " + filter + " GROUP BY source", parameters,
                row -> {
                    sums.put(FundingSource.valueOf(row.getString("source")),
                            new Sums(row.getLong("received"), row.getLong("allocated"), row.getLong("spent")));
                });
        long received = sums.values().stream().mapToLong(Sums::received).sum();
        long allocated = sums.values().stream().mapToLong(Sums::allocated).sum();
        long spent = sums.values().stream().mapToLong(Sums::spent).sum();
        boolean network = district == null && reach.wholeNetwork();
        List<SourceShare> bySource = sums.entrySet().stream()
                .map(entry -> {
                    Sums sum = entry.getValue();
                    return new SourceShare(entry.getKey(), entry.getKey().label(),
                            network ? sum.received() : null, network ? basisPoints(sum.received(), received) : null,
                            sum.allocated(), basisPoints(sum.allocated(), allocated),
                            sum.spent(), basisPoints(sum.spent(), spent));
                })
                .toList();

        List<DistrictFunding> byDistrict = jdbc.query("SELECT district, sum(allocated_fen) AS allocated,"
                        + " sum(spent_fen) AS spent FROM " + stats + " " + filter + " GROUP BY district"
                        + " HAVING sum(allocated_fen) <> 0 OR sum(spent_fen) <> 0 ORDER BY district", parameters,
                (row, index) -> new DistrictFunding(row.getString("district").isEmpty() ? null
                        : row.getString("district"), row.getLong("allocated"), row.getLong("spent")));
        return new FundingMix(district, from == null ? null : from.toString(), to == null ? null : to.toString(),
                network ? received : null, allocated, spent, bySource, byDistrict);
    }

    /** {@code part} of {@code total} in basis points, rounded half up; null when there is no total to share. */
    public static Integer basisPoints(long part, long total) {
        if (total == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(ALL).divide(BigDecimal.valueOf(total), 0, RoundingMode.HALF_UP)
                .intValueExact();
    }

    private record Sums(long received, long allocated, long spent) {
    }
}
