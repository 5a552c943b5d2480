package org.familystation.query.servicerecord;

import org.familystation.query.reach.Reach;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** The service counters ({@code rm_service_stats}) that dashboards read. */
public final class ServiceStats {

    private ServiceStats() {
    }

    /**
     * {@code rm_service_stats} in reach: its rows (kept per station by {@link ServiceRecordProjection}, what each
     * record counts for being {@link ServiceFigures}') of the stations in reach.
     */
    public static String inReach(Reach reach, MapSqlParameterSource parameters) {
        return reach.counters("rm_service_stats", Reach.CountersKeyedBy.STATION, parameters);
    }
}
