package org.familystation.query.station;

/** SQL of the station read model that more than one query needs. */
public final class StationTables {

    /**
     * Stations with their community home's current tier as {@code current_tier}: a re-rating is a fact about the
     * home, not about the station, so it is joined in when read instead of copied into every station.
     */
    public static final String WITH_CURRENT_TIER = "(SELECT s.*, coalesce(u.tier, s.home_tier) AS current_tier"
            + " FROM rm_station s LEFT JOIN rm_org_unit u ON u.unit_id = s.community_home_id) AS stations";

    private StationTables() {
    }
}
