package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.app.support.Api;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.ReferenceWorld;
import org.familystation.app.support.SharedSearch;
import org.familystation.events.common.ReferenceScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loader builds the Nanjing world of DOMAIN.md §8 as a history from 2014 through the API, and every dashboard and
 * the pilot's evaluation of every year 2014–2026 then hold together: no year counts services beside no stations,
 * allocates less than it spends, or lacks needs, a needs gap or volunteer time; referrals went every path. Loading
 * again creates nothing and fails nothing. Runs on the run's {@link ReferenceWorld} (an application of its own, so no
 * other test's data is counted), which loads fewer records than the README's full load.
 */
@ExtendWith(ReferenceWorld.Loaded.class)
@SharedSearch.Used
class ReferenceScenarioTest {

    private static final int SERVICES = ReferenceWorld.SERVICES;
    private static final int SURVEYS = ReferenceWorld.SURVEYS;
    private static final int REFERRALS = ReferenceWorld.REFERRALS;
    private static final int FUNDS = ReferenceWorld.FUNDS;
    private static final int STATIONS = 15 + 18;

    @Test
    void everyDashboardAndEveryYearOfThePilotHoldTogether(ReferenceWorld world) {
        Map<String, Integer> created = world.created();
        assertThat(created).containsEntry("units", 1 + 1 + 3 + 11 + 1_317).containsEntry("stations", STATIONS)
                .containsEntry("social workers", 2 * STATIONS).containsEntry("volunteers", 60)
                .containsEntry("alliance members", 21).containsEntry("service records", SERVICES)
                .containsEntry("needs surveys", SURVEYS).containsEntry("referrals", REFERRALS)
                .containsEntry("funds", FUNDS).containsEntry("membership changes", 4)
                .containsEntry("station suspensions", 3).containsEntry("convention signatures", 8);
        assertThat(created.get("offerings")).isGreaterThan(50);
        assertThat(world.progress()).contains("community homes", "offerings", "100%");
        System.out.println(world.progress().replace('\r', '\n')
                .lines().filter(line -> line.contains("100%") || line.startsWith("Loaded")).toList());

        Api api = world.api();
        Eventually.assertThat(() -> assertNanjing(api));
        Eventually.assertThat(() -> assertEveryYear(api));
        assertThat(world.loadAgain()).allSatisfy((phase, count) -> assertThat(count).as(phase).isZero());
        assertNanjing(api);
    }

    private static void assertNanjing(Api api) {
        JsonNode network = api.get("auditor", "/api/dashboard/network").body();
        assertThat(network.path("unitsByLevel").path("COMMUNITY_HOME").asLong()).isEqualTo(1_317);
        assertThat(network.path("unitsByLevel").path("BRANCH_CENTRE").asLong()).isEqualTo(11);
        assertThat(network.path("unitsByLevel").path("CITY_CENTRE").asLong()).isEqualTo(3);
        assertThat(sum(network.path("byDistrict"), "demonstrationHomes")).isEqualTo(164);
        assertThat(sum(network.path("byDistrict"), "openStations")).isEqualTo(STATIONS);
        assertThat(sum(network.path("byDistrict"), "stationsAtDemonstrationHomes")).isEqualTo(15);

        JsonNode summary = api.get("auditor", "/api/dashboard/summary").body();
        assertThat(summary.path("stations").path("total").asLong()).isEqualTo(STATIONS);
        assertThat(summary.path("services").path("total").asLong()).isEqualTo(SERVICES);
        for (JsonNode alliance : summary.path("allianceMembers")) {
            JsonNode byStatus = alliance.path("byStatus");
            if (alliance.path("alliance").asText().equals("PUBLIC_WELFARE")) {
                assertThat(byStatus.path("ADMITTED").asLong()).as(alliance.toString()).isEqualTo(9);
                assertThat(byStatus.path("REJECTED").asLong()).as(alliance.toString()).isEqualTo(1);
            } else {
                // One expelled, one withdrawn, one suspended when the new convention's grace period ran out.
                assertThat(byStatus.path("ADMITTED").asLong()).as(alliance.toString()).isEqualTo(8);
                assertThat(byStatus.path("EXPELLED").asLong()).as(alliance.toString()).isEqualTo(1);
                assertThat(byStatus.path("WITHDRAWN").asLong()).as(alliance.toString()).isEqualTo(1);
                assertThat(byStatus.path("SUSPENDED").asLong()).as(alliance.toString()).isEqualTo(1);
            }
        }

        // Money from all five sources, never more spent than allocated, in any district.
        JsonNode funding = api.get("auditor", "/api/dashboard/funding").body();
        assertThat(funding.path("bySource").findValuesAsText("source")).hasSize(5);
        assertThat(funding.path("bySource").findValues("receivedFen")).allSatisfy(fen -> assertThat(fen.asLong())
                .isPositive());
        assertThat(funding.path("allocatedFen").asLong()).isGreaterThanOrEqualTo(funding.path("spentFen").asLong());
        for (JsonNode district : funding.path("byDistrict")) {
            assertThat(district.path("allocatedFen").asLong()).as(district.toString())
                    .isGreaterThanOrEqualTo(district.path("spentFen").asLong());
        }
        JsonNode needs = api.get("auditor", "/api/dashboard/needs").body();
        assertThat(needs.path("surveys").asLong()).isEqualTo(SURVEYS);
        assertThat(needs.path("gap").findValues("shortfall")).anySatisfy(shortfall -> assertThat(shortfall.asLong())
                .isPositive());
        JsonNode volunteers = api.get("auditor", "/api/dashboard/volunteer-hours").body();
        assertThat(volunteers.path("minutes").asLong()).isPositive();
        assertThat(volunteers.path("volunteers").asLong()).isPositive();

        // Referrals went every path, and those left waiting were flagged overdue.
        JsonNode referrals = api.get("auditor", "/api/dashboard/referrals").body();
        assertThat(sum(referrals.path("centres"), "referred")).isEqualTo(REFERRALS);
        assertThat(sum(referrals.path("centres"), "closed")).isPositive();
        assertThat(sum(referrals.path("centres"), "overdue")).isPositive();
        List<String> statuses = api.get("auditor", "/api/referrals?size=100").body().path("items")
                .findValuesAsText("status");
        assertThat(statuses).contains("ACCEPTED", "DECLINED", "IN_PROGRESS", "RESOLVED", "CLOSED", "WITHDRAWN");

        // The member that missed the new convention's deadline was suspended for it.
        JsonNode missed = api.get("auditor", "/api/alliance-members/"
                + ReferenceScenario.id("member", "浦口快乐成长托育中心")).body();
        assertThat(missed.path("status").asText()).isEqualTo("SUSPENDED");

        // The network on a date counts it by the dates things happened.
        JsonNode endOf2014 = api.get("auditor", "/api/as-of?date=2014-12-31").body();
        assertThat(endOf2014.path("stations").findValuesAsText("status")).hasSize(15).containsOnly("OPEN");
        JsonNode lockdown = api.get("auditor", "/api/as-of?date=2020-03-01").body();
        assertThat(lockdown.path("stations").findValuesAsText("status")).filteredOn("SUSPENDED"::equals).hasSize(3);
    }

    /** The pilot's evaluation of every year: each section has figures, and they agree with one another. */
    private static void assertEveryYear(Api api) {
        List<String> failures = new ArrayList<>();
        for (int year = 2014; year <= 2026; year++) {
            JsonNode figures = api.get("auditor", "/api/evaluations?period=" + year + "&cohort=pilot&compare=none")
                    .body().path("figures");
            String at = year + ": " + figures;
            JsonNode stations = figures.path("stations");
            check(failures, stations.path("inCohort").asLong() == 15, at, "15 pilot stations at the year's end");
            check(failures, stations.path("active").asLong() > 0, at, "active stations");
            check(failures, figures.path("services").path("services").asLong() > 0, at, "services");
            check(failures, figures.path("needs").path("surveys").asLong() > 0, at, "needs surveys");
            boolean gap = false;
            for (JsonNode category : figures.path("needs").path("gap")) {
                gap |= category.path("shortfall").asLong() > 0;
            }
            check(failures, gap, at, "a needs gap");
            check(failures, figures.path("volunteerTime").path("minutes").asLong() > 0, at, "volunteer time");
            JsonNode funding = figures.path("funding");
            check(failures, funding.path("allocatedFen").asLong() > 0, at, "allocations");
            check(failures, funding.path("allocatedFen").asLong() >= funding.path("spentFen").asLong(), at,
                    "allocations >= spending");
        }
        // Referrals carry no business date yet: all of them were made, and went their ways, in the load's year.
        int thisYear = Year.now(ZoneId.of("Asia/Shanghai")).getValue();
        JsonNode referrals = api.get("auditor", "/api/evaluations?period=" + thisYear + "&compare=none").body()
                .path("figures").path("referrals");
        for (String outcome : List.of("referred", "accepted", "declined", "withdrawn", "resolved", "closed")) {
            check(failures, referrals.path(outcome).asLong() > 0, thisYear + ": " + referrals, outcome);
        }
        assertThat(failures).isEmpty();
    }

    private static void check(List<String> failures, boolean holds, String figures, String what) {
        if (!holds) {
            failures.add("no " + what + " in " + figures);
        }
    }

    private static long sum(JsonNode rows, String field) {
        long total = 0;
        for (JsonNode row : rows) {
            total += row.path(field).asLong();
        }
        return total;
    }
}
