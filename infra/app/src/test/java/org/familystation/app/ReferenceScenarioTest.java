package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.app.support.Api;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.StandaloneApplication;
import org.familystation.loader.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loader builds the Nanjing world of DOMAIN.md §8 through the API, and the dashboards then report exactly its
 * counts; loading again changes nothing. Runs on an application of its own, so no other test's data is counted.
 */
class ReferenceScenarioTest {

    private static final int SERVICES = 300;
    private static final int SURVEYS = 30;
    private static final int REFERRALS = 20;
    private static final int FUNDS = 20;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    @Test
    void dashboardsReportExactlyTheReferenceScenario() {
        try (StandaloneApplication application = StandaloneApplication.start(dataDir)) {
            ByteArrayOutputStream progress = new ByteArrayOutputStream();
            ScenarioLoader loader = new ScenarioLoader(URI.create("http://127.0.0.1:" + application.port()),
                    "admin", "admin-demo", 4, new PrintStream(progress, true, StandardCharsets.UTF_8));

            Map<String, Integer> created = loader.load(SERVICES, SURVEYS, REFERRALS, FUNDS, 2014);
            assertThat(created).containsEntry("units", 1 + 1 + 3 + 11 + 1_317).containsEntry("stations", 15)
                    .containsEntry("alliance members", 11).containsEntry("service records", SERVICES).containsEntry("funds", FUNDS)
                    .containsEntry("needs surveys", SURVEYS).containsEntry("referrals", REFERRALS);
            assertThat(progress.toString(StandardCharsets.UTF_8)).contains("community homes", "100%");

            Api api = application.api();
            Eventually.assertThat(() -> assertNanjing(api));
            assertThat(loader.load(SERVICES, SURVEYS, REFERRALS, FUNDS, 2014)).allSatisfy((phase, count) -> assertThat(count).as(phase).isZero());
            assertNanjing(api);
        }
    }

    private static void assertNanjing(Api api) {
        JsonNode network = api.get("auditor", "/api/dashboard/network").body();
        assertThat(network.path("unitsByLevel").path("FEDERATION").asLong()).isEqualTo(1);
        assertThat(network.path("unitsByLevel").path("OPERATIONS_HQ").asLong()).isEqualTo(1);
        assertThat(network.path("unitsByLevel").path("BRANCH_CENTRE").asLong()).isEqualTo(11);
        assertThat(network.path("unitsByLevel").path("CITY_CENTRE").asLong()).isEqualTo(3);
        assertThat(network.path("unitsByLevel").path("COMMUNITY_HOME").asLong()).isEqualTo(1_317);
        assertThat(network.path("byDistrict")).hasSize(11);
        assertThat(sum(network, "communityHomes")).isEqualTo(1_317);
        assertThat(sum(network, "demonstrationHomes")).isEqualTo(164);
        assertThat(sum(network, "openStations")).isEqualTo(15);
        assertThat(sum(network, "stationsAtDemonstrationHomes")).isEqualTo(15);
        assertThat(network.path("activeStationPoints").path("EMOTIONAL").asLong()).isEqualTo(15);

        JsonNode summary = api.get("auditor", "/api/dashboard/summary").body();
        assertThat(summary.path("stations").path("total").asLong()).isEqualTo(15);
        for (JsonNode alliance : summary.path("allianceMembers")) {
            long expected = alliance.path("alliance").asText().equals("PUBLIC_WELFARE") ? 5 : 6;
            assertThat(alliance.path("byStatus").path("ADMITTED").asLong()).as(alliance.toString()).isEqualTo(expected);
            assertThat(alliance.path("total").asLong()).isEqualTo(expected);
        }
        assertThat(summary.path("services").path("total").asLong()).isEqualTo(SERVICES);
        // The pilot of the evaluations (by default the first 15 stations opened at demonstration homes) is every
        // station here, so over the scenario's years its services are the network's.
        JsonNode evaluation = api.get("auditor",
                "/api/evaluations?from=2025-01-01&to=2026-12-31&cohort=pilot&compare=all").body();
        assertThat(evaluation.path("figures").path("stations").path("inCohort").asLong()).isEqualTo(15);
        assertThat(evaluation.path("figures").path("services").path("services").asLong()).isEqualTo(SERVICES);
        assertThat(evaluation.path("figures").path("services"))
                .isEqualTo(evaluation.path("comparisonFigures").path("services"));
        // Its history holds together by business dates: the pilot opened in 2014, before any service dated in 2025,
        // and every allocation was made before the spending against it.
        JsonNode year2025 = api.get("auditor", "/api/evaluations?period=2025&cohort=pilot").body();
        assertThat(year2025.path("figures").path("stations").path("inCohort").asLong()).isEqualTo(15);
        assertThat(year2025.path("figures").path("stations").path("active").asLong()).isPositive();
        JsonNode funding = api.get("auditor", "/api/evaluations?from=2025-01-01&to=2026-12-31&compare=none")
                .body().path("figures").path("funding");
        assertThat(funding.path("allocatedFen").asLong()).isGreaterThanOrEqualTo(funding.path("spentFen").asLong())
                .isPositive();
        JsonNode endOf2014 = api.get("auditor", "/api/as-of?date=2014-12-31").body();
        assertThat(endOf2014.path("stations").findValuesAsText("status")).hasSize(15).containsOnly("OPEN");
        assertThat(api.get("auditor", "/api/funds?size=100").body().path("total").asLong()).isEqualTo(FUNDS);
        assertThat(api.get("auditor", "/api/referrals?size=100").body().path("total").asLong()).isEqualTo(REFERRALS);
        assertThat(api.get("auditor", "/api/catalogues/SERVICE_PROJECT").body()).hasSize(13);
        assertThat(api.get("auditor", "/api/catalogues/NEED_CATEGORY").body()).hasSize(8);
    }

    private static long sum(JsonNode network, String field) {
        long total = 0;
        for (JsonNode district : network.path("byDistrict")) {
            total += district.path(field).asLong();
        }
        return total;
    }
}
