package org.familystation.query.reach;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQL conditions and the cache key a reach gives its queries. */
class ReachTest {

    private static final Reach NETWORK = new Reach(true, "hq", Set.of(), null, null, true);
    private static final Reach BRANCH = new Reach(false, "branch", Set.of("branch", "home"), null, null, true);
    private static final Reach CENTRE = new Reach(true, "hq", Set.of(), null, "RIGHTS_SERVICE_CENTRE", false);

    @Test
    void theWholeNetworkIsNotFiltered() {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        assertThat(NETWORK.units("unit_id", parameters)).isEqualTo("TRUE");
        assertThat(NETWORK.stations("station_id", parameters)).isEqualTo("TRUE");
        assertThat(NETWORK.network()).isEqualTo("TRUE");
        assertThat(NETWORK.counters("rm_service_stats", Reach.CountersKeyedBy.STATION, parameters))
                .isEqualTo("rm_service_stats");
        assertThat(parameters.getParameterNames()).isEmpty();
        assertThat(NETWORK.covers("any")).isTrue();
    }

    @Test
    void aSubtreeIsFilteredOnItsUnitsAndTheStationsAtThem() {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        assertThat(BRANCH.units("unit_id", parameters)).isEqualTo("unit_id IN (:reachUnits)");
        assertThat(BRANCH.stations("s.station_id", parameters)).isEqualTo(
                "s.station_id IN (SELECT station_id FROM rm_station WHERE community_home_id IN (:reachUnits))");
        assertThat(new HashSet<>((List<?>) parameters.getValue("reachUnits"))).isEqualTo(Set.of("branch", "home"));
        assertThat(BRANCH.network()).isEqualTo("FALSE");
        assertThat(BRANCH.covers("home")).isTrue();
        assertThat(BRANCH.covers("elsewhere")).isFalse();
        assertThat(BRANCH.counters("rm_service_stats", Reach.CountersKeyedBy.STATION, parameters))
                .isEqualTo("(SELECT * FROM rm_service_stats WHERE station_id IN (SELECT station_id FROM rm_station"
                        + " WHERE community_home_id IN (:reachUnits))) AS rm_service_stats");
        assertThat(BRANCH.counters("rm_needs_stats", Reach.CountersKeyedBy.COMMUNITY_HOME, parameters))
                .isEqualTo("(SELECT * FROM rm_needs_stats WHERE community_home_id IN (:reachUnits)) AS rm_needs_stats");
    }

    @Test
    void aDistrictsBranchReadsItsDistrictsCounters() {
        Reach district = new Reach(false, "branch", Set.of("branch"), "玄武区", null, true);
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        assertThat(district.counters("rm_needs_stats", Reach.CountersKeyedBy.COMMUNITY_HOME, parameters))
                .isEqualTo("(SELECT * FROM rm_needs_stats WHERE district = :reachDistrict) AS rm_needs_stats");
        assertThat(parameters.getValue("reachDistrict")).isEqualTo("玄武区");
    }

    @Test
    void centreStaffReadTheirCentresReferralsAndNoStationsData() {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        assertThat(CENTRE.stations("station_id", parameters)).isEqualTo("FALSE");
        assertThat(CENTRE.referrals("station_id", "centre", parameters)).isEqualTo("(FALSE OR centre = :reachCentre)");
        assertThat(CENTRE.covers("home")).isFalse();
        assertThat(CENTRE.network()).isEqualTo("FALSE");
        assertThat(CENTRE.counters("rm_funding_stats", Reach.CountersKeyedBy.STATION, parameters))
                .isEqualTo("(SELECT * FROM rm_funding_stats WHERE FALSE) AS rm_funding_stats");
    }

    @Test
    void answersAreKeptPerReach() {
        assertThat(List.of(NETWORK.key(), BRANCH.key(), CENTRE.key())).doesNotHaveDuplicates();
    }
}
