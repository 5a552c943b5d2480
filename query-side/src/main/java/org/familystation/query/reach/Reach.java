package org.familystation.query.reach;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.util.List;
import java.util.Set;

/**
 * What the signed-in user may read of station-scoped data (docs/design/scope-rules.md, "Reading"): the whole network, or the
 * units of their unit's subtree; and, for the staff of a city centre, the referrals addressed to their centre.
 *
 * <p>The conditions below are SQL fragments over named parameters they add to the query's parameters; with the whole
 * network in reach they are {@code TRUE}, so a query reads as it did before scoping.
 *
 * @param unitId      the user's unit (null for an admin before any unit exists)
 * @param units       the user's unit and every unit below it (empty with the whole network in reach)
 * @param district    when the user's unit is a district's branch centre and every home of its district is below
 *                    it, that district (dashboards kept per district are then read by district), else null
 * @param centre      the city centre whose referrals the user reads (centre staff), else null
 * @param stationSide whether the user reads stations' data at all (any role but CENTRE_STAFF)
 */
public record Reach(boolean wholeNetwork, String unitId, Set<String> units, String district, String centre,
                    boolean stationSide) {

    static final String UNITS = "reachUnits";
    static final String CENTRE = "reachCentre";
    static final String DISTRICT = "reachDistrict";

    public Reach {
        units = Set.copyOf(units);
    }

    /** Whether the unit (a community home, a branch centre, a staff member's unit) is in reach. */
    public boolean covers(String unit) {
        return stationSide && (wholeNetwork || units.contains(unit));
    }

    /**
     * A condition that is true when network-wide data that is not reference data (funds, allocations to projects,
     * what belongs to no station) is in reach: with the whole network only.
     */
    public String network() {
        return stationSide && wholeNetwork ? "TRUE" : "FALSE";
    }

    /** A condition on a column that holds a unit id: true for the units in reach. */
    public String units(String column, MapSqlParameterSource parameters) {
        if (!stationSide) {
            return "FALSE";
        }
        if (wholeNetwork) {
            return "TRUE";
        }
        parameters.addValue(UNITS, List.copyOf(units));
        return column + " IN (:" + UNITS + ")";
    }

    /** A condition on a column that holds a station id: true for the stations at the homes in reach. */
    public String stations(String column, MapSqlParameterSource parameters) {
        String homes = units("community_home_id", parameters);
        return switch (homes) {
            case "TRUE", "FALSE" -> homes;
            default -> column + " IN (SELECT station_id FROM rm_station WHERE " + homes + ")";
        };
    }

    /**
     * A dashboard's counters in reach, as a table expression named as the counter table. Counter rows are kept per
     * station (or home) and summed when read, so that every reach reads the same rows the projection wrote: the
     * table itself with the whole network in reach; its rows of the district for a district's branch centre; below
     * a district, its rows of the stations (or homes) in reach.
     *
     * @param keyedBy what the table's rows are kept per
     */
    public String counters(String table, CountersKeyedBy keyedBy, MapSqlParameterSource parameters) {
        if (!stationSide) {
            return "(SELECT * FROM " + table + " WHERE FALSE) AS " + table;
        }
        if (wholeNetwork) {
            return table;
        }
        if (district != null) {
            parameters.addValue(DISTRICT, district);
            return "(SELECT * FROM " + table + " WHERE district = :" + DISTRICT + ") AS " + table;
        }
        String inReach = switch (keyedBy) {
            case STATION -> stations("station_id", parameters);
            case COMMUNITY_HOME -> units("community_home_id", parameters);
        };
        return "(SELECT * FROM " + table + " WHERE " + inReach + ") AS " + table;
    }

    /** What a counter table's rows are kept per: the column {@link #counters} filters them on below a district. */
    public enum CountersKeyedBy {
        /** A {@code station_id} column. */
        STATION,
        /** A {@code community_home_id} column. */
        COMMUNITY_HOME
    }

    /**
     * A condition on a referral's station and centre columns: the station side reads its stations' referrals,
     * centre staff the referrals addressed to their centre.
     */
    public String referrals(String stationColumn, String centreColumn, MapSqlParameterSource parameters) {
        String stations = stations(stationColumn, parameters);
        if (centre == null) {
            return stations;
        }
        parameters.addValue(CENTRE, centre);
        return "(" + stations + " OR " + centreColumn + " = :" + CENTRE + ")";
    }

    /** Whether a referral of that station (at that home) to that centre is in reach. */
    public boolean coversReferral(String stationHomeId, String referralCentre) {
        return covers(stationHomeId) || (centre != null && centre.equals(referralCentre));
    }

    /**
     * What distinguishes this reach's answers from another's: part of the key of every kept answer
     * ({@code AnswerCache}).
     */
    public String key() {
        if (!stationSide) {
            return "centre:" + centre;
        }
        return (wholeNetwork ? "all" : "unit:" + unitId) + (centre == null ? "" : "+centre:" + centre);
    }
}
