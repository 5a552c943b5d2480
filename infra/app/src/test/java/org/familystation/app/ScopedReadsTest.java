package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.app.support.Api;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.IntegrationTest;
import org.familystation.app.support.Scenario;
import org.familystation.app.support.UnitAccounts;
import org.familystation.platform.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading within reach (SCOPE-RULES.md, "Reading"): two branch centres of different districts and a worker at one
 * home see only their own stations' data in lists, search, dashboards and history; one entity out of reach is
 * unknown (404).
 */
@IntegrationTest
class ScopedReadsTest {

    @LocalServerPort
    int port;

    private Api api;
    private Scenario scenario;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        scenario = new Scenario(api);
    }

    @Test
    void everyoneReadsOnlyWhatIsInTheirReach() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // Districts of this test alone, so that totals count only what it made.
        String districtA = "甲" + run + "区";
        String districtB = "乙" + run + "区";
        String stationA1 = scenario.openStation("甲一" + run + "家庭驿站", districtA);
        String stationA2 = scenario.openStation("甲二" + run + "家庭驿站", districtA);
        String stationB = scenario.openStation("乙一" + run + "家庭驿站", districtB);
        String homeA1 = home(stationA1);
        String branchA = UnitAccounts.bind("branch-a-" + run, scenario.branchCentre(districtA), Role.OPERATOR, null);
        String branchB = UnitAccounts.bind("branch-b-" + run, scenario.branchCentre(districtB), Role.AUDITOR, null);
        String workerA1 = UnitAccounts.bind("worker-a1-" + run, homeA1, Role.STATION_WORKER, null);

        String word = "范围" + run;
        String recordA1 = scenario.recordService(stationA1, "CULTURE", "FAMILY_EDUCATION", 10, "2026-03-10T02:00:00Z",
                word + "亲子阅读");
        scenario.recordService(stationA2, "CULTURE", "FAMILY_EDUCATION", 20, "2026-03-11T02:00:00Z", word + "亲子阅读");
        String recordB = scenario.recordService(stationB, "CULTURE", "FAMILY_EDUCATION", 30, "2026-03-12T02:00:00Z",
                word + "亲子阅读");

        // Lists: stations, and a station's records.
        Eventually.assertThat(() -> {
            assertThat(total(branchA, "/api/stations")).isEqualTo(2);
            assertThat(total(branchB, "/api/stations")).isEqualTo(1);
            assertThat(total(workerA1, "/api/stations")).isEqualTo(1);
            assertThat(total(branchA, "/api/stations/" + stationA1 + "/service-records")).isEqualTo(1);
        });
        assertThat(total(branchB, "/api/stations/" + stationA1 + "/service-records")).isZero();
        assertThat(total(workerA1, "/api/stations?district=" + districtB)).isZero();

        // One entity out of reach is unknown.
        notFound(branchB, "/api/stations/" + stationA1, "STATION_NOT_FOUND");
        notFound(workerA1, "/api/stations/" + stationA2, "STATION_NOT_FOUND");
        notFound(branchA, "/api/service-records/" + recordB, "SERVICE_RECORD_NOT_FOUND");
        assertThat(api.get(branchB, "/api/service-records/" + recordB).status()).isEqualTo(200);
        assertThat(api.get(workerA1, "/api/service-records/" + recordA1).status()).isEqualTo(200);

        // Search, totals included.
        Eventually.assertThat(() -> {
            assertThat(total("admin", "/api/service-records/search?q=" + word)).isEqualTo(3);
            assertThat(total(branchA, "/api/service-records/search?q=" + word)).isEqualTo(2);
            assertThat(total(branchB, "/api/service-records/search?q=" + word)).isEqualTo(1);
            assertThat(total(workerA1, "/api/service-records/search?q=" + word)).isEqualTo(1);
        });

        // Dashboards: a district's branch reads its district's counters, a home's worker the counts of its records.
        Eventually.assertThat(() -> {
            assertThat(summary(branchA).path("services").path("participants").asLong()).isEqualTo(30);
            assertThat(summary(branchB).path("services").path("participants").asLong()).isEqualTo(30);
            assertThat(summary(workerA1).path("services").path("participants").asLong()).isEqualTo(10);
            assertThat(summary(workerA1).path("stations").path("total").asLong()).isEqualTo(1);
            assertThat(summary(branchA).path("stations").path("total").asLong()).isEqualTo(2);
        });
        assertThat(api.get(branchB, "/api/dashboard/network").body().path("byDistrict").findValuesAsText("district"))
                .containsExactly(districtB);

        // History.
        notFound(branchB, "/api/history/stations/" + stationA1, "HISTORY_NOT_FOUND");
        assertThat(api.get(branchA, "/api/history/stations/" + stationA1).status()).isEqualTo(200);
        notFound(workerA1, "/api/history/service-records/" + recordB, "HISTORY_NOT_FOUND");
    }

    @Test
    void anAccountWithoutAUnitHasNoAccess() {
        scenario.headquarters();
        String nowhere = UnitAccounts.bind("nowhere", UUID.randomUUID().toString(), Role.AUDITOR, null);
        Api.Response refused = api.get(nowhere, "/api/stations");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("NO_ACCESS");
        assertThat(api.get(nowhere, "/api/service-records/search?q=x").code()).isEqualTo("NO_ACCESS");
        assertThat(api.get(nowhere, "/api/dashboard/summary").code()).isEqualTo("NO_ACCESS");
    }

    private String home(String stationId) {
        return api.get("admin", "/api/stations/" + stationId).body().path("communityHomeId").asText();
    }

    private long total(String user, String path) {
        Api.Response response = api.get(user, path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body().path("total").asLong();
    }

    private JsonNode summary(String user) {
        Api.Response response = api.get(user, "/api/dashboard/summary");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private void notFound(String user, String path, String code) {
        Api.Response response = api.get(user, path);
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.code()).isEqualTo(code);
    }
}
