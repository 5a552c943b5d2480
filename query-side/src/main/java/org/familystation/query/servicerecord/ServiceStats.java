package org.familystation.query.servicerecord;

import org.familystation.query.common.QueryProperties;
import org.familystation.query.reach.Reach;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** The service counters ({@code rm_service_stats}) that dashboards read. */
public final class ServiceStats {

    private ServiceStats() {
    }

    /**
     * {@code rm_service_stats} in reach: below a district, the same counters computed from the records of the
     * stations in reach (a home's or a street's few thousand records), so that the counters stay keyed by district.
     */
    public static String inReach(Reach reach, MapSqlParameterSource parameters, QueryProperties properties) {
        return reach.counters("rm_service_stats", parameters, rows -> {
            rows.addValue("reachZone", properties.getTimeZone().getId());
            return """
                    SELECT district, station_point, project_code, project_name,
                           to_char(delivered_at AT TIME ZONE :reachZone, 'YYYY-MM') AS month, 1 AS services,
                           participant_count AS participants, coalesce(satisfaction, 0) AS satisfaction_sum,
                           CASE WHEN satisfaction IS NULL THEN 0 ELSE 1 END AS satisfaction_count
                    FROM rm_service_record WHERE NOT voided AND\s""" + reach.stations("station_id", rows);
        });
    }
}
