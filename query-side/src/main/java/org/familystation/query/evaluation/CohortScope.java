package org.familystation.query.evaluation;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.util.List;

/**
 * A cohort resolved against the read models: its stations and its community homes (null: all of them), and
 * whether it is the network (which alone receives funds and funds projects).
 */
record CohortScope(Cohort cohort, List<String> stationIds, List<String> homeIds) {

    boolean network() {
        return stationIds == null;
    }

    /** The SQL condition "the row's station is in the cohort" on {@code column}, over {@link #addTo}'s values. */
    String stations(String column) {
        return condition(column, stationIds, "cohortStations");
    }

    /** The SQL condition "the row's community home is in the cohort" on {@code column}. */
    String homes(String column) {
        return condition(column, homeIds, "cohortHomes");
    }

    MapSqlParameterSource addTo(MapSqlParameterSource parameters) {
        return parameters.addValue("cohortStations", stationIds).addValue("cohortHomes", homeIds);
    }

    private static String condition(String column, List<String> ids, String parameter) {
        if (ids == null) {
            return "TRUE";
        }
        return ids.isEmpty() ? "FALSE" : column + " IN (:" + parameter + ")";
    }
}
