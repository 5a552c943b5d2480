package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The network's units, the station lifecycle and the catalogues, over HTTP on the real servers. */
class NetworkFlowTest extends ApplicationTest {

    private static final String DISTRICT = "六合区";

    @Test
    void seedsTheDefaultCatalogues() {
        Eventually.assertThat(() -> {
            assertThat(api.get("auditor", "/api/catalogues/SERVICE_PROJECT").body()).hasSizeGreaterThanOrEqualTo(13);
            assertThat(api.get("auditor", "/api/catalogues/NEED_CATEGORY").body()).hasSizeGreaterThanOrEqualTo(8);
        });
        JsonNode projects = api.get("auditor", "/api/catalogues/SERVICE_PROJECT").body();
        assertThat(projects.findValuesAsText("code")).contains("HOUSEKEEPING", "LEGAL_AID", "PSYCHOLOGICAL_COUNSELLING");
    }

    @Test
    void buildsTheHierarchyAndRatesCommunityHomes() {
        String branch = scenario.branchCentre(DISTRICT);
        String home = scenario.communityHome("雄州妇女儿童之家", DISTRICT, "STANDARD");
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/units/" + home).status()).isEqualTo(200));
        JsonNode unit = api.get("auditor", "/api/units/" + home).body();
        assertThat(unit.path("parentUnitId").asText()).isEqualTo(branch);
        assertThat(unit.path("district").asText()).isEqualTo(DISTRICT);
        assertThat(unit.path("levelLabel").asText()).isEqualTo("妇女儿童之家");

        JsonNode before = api.get("auditor", "/api/dashboard/network?district=" + DISTRICT).body();
        long demonstrationBefore = district(before).path("demonstrationHomes").asLong();
        noContent(api.post("hq", "/api/units/" + home + "/rating",
                "{\"tier\": \"PROVINCIAL_DEMONSTRATION\", \"reason\": \"2026年获评省级示范妇女儿童之家\"}"));
        Eventually.assertThat(() -> assertThat(district(api.get("auditor",
                "/api/dashboard/network?district=" + DISTRICT).body()).path("demonstrationHomes").asLong())
                .isEqualTo(demonstrationBefore + 1));
        JsonNode children = api.get("auditor", "/api/units?parentId=" + branch + "&size=100").body();
        assertThat(children.path("items").findValuesAsText("unitId")).contains(home);
    }

    @Test
    void stationsAndUnitsAreFoundByPartOfTheirNameBeyondAPickersFirstPage() {
        String mark = String.valueOf(System.nanoTime() % 1_000_000_000L);
        String station = scenario.openStation("寻名" + mark + "家庭驿站", DISTRICT);
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/stations?name=" + mark).body()
                .path("items").findValuesAsText("stationId")).containsExactly(station));
        // Units have their own projection: it may not have caught up when the station's has.
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/units?level=COMMUNITY_HOME&name=寻名" + mark)
                .body().path("items").findValuesAsText("name")).containsExactly("寻名" + mark + "妇女儿童之家"));
        assertThat(api.get("auditor", "/api/units?name=" + mark + "家庭驿站").body().path("total").asLong()).isZero();
        // The user's text is taken literally: a LIKE wildcard finds nothing.
        assertThat(api.get("auditor", "/api/stations?name=%").body().path("total").asLong()).isZero();
        assertThat(api.get("auditor", "/api/stations?name=_").body().path("total").asLong()).isZero();
    }

    @Test
    void runsAStationThroughItsLifecycle() {
        String station = scenario.openStation("龙袍家庭驿站", DISTRICT);
        String path = "/api/stations/" + station;
        String socialWorker = scenario.socialWorkerAt(station);
        String service = """
                {"stationPoint": "%s", "projectCode": "%s", "providerKind": "SOCIAL_WORKER", "socialWorkerIds": ["%s"],
                 "deliveredAt": "2026-11-02T02:00:00Z", "participantCount": 5, "description": "%s"}"""
                .replace("[\"%s\"]", "[\"" + socialWorker + "\"]");

        // Each change is dated (business time): a service falls under the state the station was in on its date.
        noContent(api.post("hq", path + "/points/CULTURE/deactivation",
                "{\"reason\": \"活动室装修\", \"effectiveAt\": \"2026-11-01T00:00:00Z\"}"));
        Api.Response refused = api.post("worker", path + "/service-records",
                service.formatted("CULTURE", "FAMILY_EDUCATION", "亲子阅读"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("STATION_POINT_NOT_ACTIVE");
        noContent(api.post("hq", path + "/points/CULTURE/activation",
                "{\"reason\": \"装修完成\", \"effectiveAt\": \"2026-11-02T01:00:00Z\"}"));
        assertThat(api.post("worker", path + "/service-records",
                service.formatted("CULTURE", "FAMILY_EDUCATION", "亲子阅读")).status()).isEqualTo(201);

        assertThat(api.post("hq", "/api/catalogues/SPECIALTY_SERVICE",
                "{\"code\": \"RIVERSIDE_FISHING_SKILLS\", \"name\": \"渔家技能培训\"}").status()).isEqualTo(201);
        noContent(api.post("hq", path + "/specialties", "{\"specialtyCode\": \"RIVERSIDE_FISHING_SKILLS\"}"));

        String suspension = "suspension-" + java.util.UUID.randomUUID();
        noContent(api.post("hq", path + "/suspension",
                "{\"reason\": \"场地维修\", \"effectiveAt\": \"2026-11-02T03:00:00Z\"}",
                java.util.Map.of("X-Correlation-Id", suspension)));
        // Suspending the station released its social worker, saying why, as part of the suspension.
        Eventually.assertThat(() -> {
            JsonNode released = api.get("auditor", "/api/social-workers/" + socialWorker).body();
            assertThat(released.path("stationId").asText(null)).as(released.toString()).isNull();
            assertThat(released.path("releaseReason").asText()).isEqualTo("驿站暂停服务：场地维修");
        });
        JsonNode release = api.get("auditor", "/api/history/social-workers/" + socialWorker).body().get(2);
        assertThat(release.path("type").asText()).isEqualTo("SocialWorkerReleased");
        assertThat(release.path("metadata").path("correlationId").asText()).isEqualTo(suspension);
        Api.Response whileSuspended = api.post("worker", path + "/service-records",
                service.formatted("CONVENIENCE", "HOUSEKEEPING", "上门保洁")
                        .replace("2026-11-02T02:00", "2026-11-02T04:00"));
        assertThat(whileSuspended.code()).isEqualTo("STATION_NOT_OPEN");
        noContent(api.post("hq", path + "/reopening", "{\"reason\": \"维修完成\"}"));

        Eventually.assertThat(() -> {
            JsonNode detail = api.get("auditor", path).body();
            assertThat(detail.path("status").asText()).isEqualTo("OPEN");
            assertThat(detail.path("statusReason").asText()).isEqualTo("维修完成");
            assertThat(detail.path("specialties").findValuesAsText("name")).containsExactly("渔家技能培训");
            assertThat(detail.path("activePoints")).hasSize(5);
        });

        noContent(api.post("hq", path + "/closure", "{\"reason\": \"社区合并\"}"));
        Api.Response afterClosing = api.post("hq", path + "/reopening", "{\"reason\": \"恢复\"}");
        assertThat(afterClosing.status()).isEqualTo(409);
        assertThat(afterClosing.code()).isEqualTo("STATION_CLOSED");
        Eventually.assertThat(() -> assertThat(api.get("auditor", path).body().path("status").asText())
                .isEqualTo("CLOSED"));
        JsonNode history = api.get("auditor", "/api/history/stations/" + station).body();
        assertThat(history.findValuesAsText("type")).containsExactly("StationOpened", "StationPointDeactivated",
                "StationPointActivated", "SpecialtyServiceAdded", "StationSuspended", "StationReopened",
                "StationClosed");
    }

    @Test
    void aRetiredProjectCanNoLongerBeRecordedButItsRecordsStillRead() {
        String station = scenario.openStation("竹镇家庭驿站", DISTRICT);
        assertThat(api.post("hq", "/api/catalogues/SERVICE_PROJECT",
                "{\"code\": \"RURAL_E_COMMERCE\", \"name\": \"农村电商培训\", \"stationPoint\": \"ENTREPRENEURSHIP\"}")
                .status()).isEqualTo(201);
        String service = """
                {"stationPoint": "ENTREPRENEURSHIP", "projectCode": "RURAL_E_COMMERCE", "providerKind": "SOCIAL_WORKER",
                 "socialWorkerIds": ["%s"], "deliveredAt": "2026-11-02T02:00:00Z", "participantCount": 20,
                 "description": "指导返乡妇女开设网店"}""".formatted(scenario.socialWorkerAt(station));
        Api.Response recorded = api.post("worker", "/api/stations/" + station + "/service-records", service);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);

        noContent(api.post("hq", "/api/catalogues/SERVICE_PROJECT/RURAL_E_COMMERCE/retirement",
                "{\"reason\": \"并入实用技能培训\"}"));
        Api.Response refused = api.post("worker", "/api/stations/" + station + "/service-records", service);
        assertThat(refused.code()).isEqualTo("PROJECT_UNKNOWN");

        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/service-records/" + recorded.id()).body()
                .path("projectName").asText()).isEqualTo("农村电商培训"));
        // Wait for the retirement itself (not merely for the entry's absence, which also holds before it is added).
        Eventually.assertThat(() -> {
            JsonNode retired = api.get("auditor", "/api/catalogues/SERVICE_PROJECT?includeRetired=true").body();
            assertThat(retired.findValuesAsText("code")).contains("RURAL_E_COMMERCE");
            assertThat(retired.findValuesAsText("retireReason")).contains("并入实用技能培训");
        });
        assertThat(api.get("auditor", "/api/catalogues/SERVICE_PROJECT").body().findValuesAsText("code"))
                .doesNotContain("RURAL_E_COMMERCE");
    }

    private static JsonNode district(JsonNode dashboard) {
        for (JsonNode district : dashboard.path("byDistrict")) {
            if (district.path("district").asText().equals(DISTRICT)) {
                return district;
            }
        }
        return dashboard.path("no such district");
    }
}
