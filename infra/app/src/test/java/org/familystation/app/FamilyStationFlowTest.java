package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.Scenario;
import org.familystation.events.common.ReferenceScenario;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The core of the system end to end, over HTTP, on the real servers. */
class FamilyStationFlowTest extends ApplicationTest {

    @Test
    void opensAStationAndListsIt() {
        String id = scenario.openStation("梅园新村家庭驿站", "玄武区");

        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/stations/" + id).status()).isEqualTo(200));
        JsonNode station = api.get("auditor", "/api/stations/" + id).body();
        assertThat(station.path("stationName").asText()).isEqualTo("梅园新村家庭驿站");
        assertThat(station.path("district").asText()).isEqualTo("玄武区");
        assertThat(station.path("homeTier").asText()).isEqualTo("PROVINCIAL_DEMONSTRATION");
        assertThat(station.path("status").asText()).isEqualTo("OPEN");
        assertThat(station.path("activePoints")).hasSize(5);

        JsonNode list = api.get("auditor", "/api/stations?district=玄武区&tier=PROVINCIAL_DEMONSTRATION&size=100").body();
        assertThat(list.path("items").findValuesAsText("stationId")).contains(id);
        JsonNode other = api.get("auditor", "/api/stations?district=高淳区&size=100").body();
        assertThat(other.path("items").findValuesAsText("stationId")).doesNotContain(id);
    }

    @Test
    void takesAMemberFromApplicationToAdmission() {
        String code = Scenario.newCreditCode();
        Api.Response applied = api.post("hq", "/api/alliance-applications", """
                {"alliance": "PUBLIC_WELFARE", "organisationName": "金陵女子创梦空间",
                 "organisationType": "SOCIAL_ORGANISATION", "creditCode": "%s", "contactPerson": "王女士"}"""
                .formatted(code));
        assertThat(applied.status()).isEqualTo(201);
        assertThat(applied.headers().getLocation()).hasToString("/api/alliance-members/" + applied.id());
        String id = applied.id();

        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/alliance-members/" + id)
                .body().path("status").asText()).isEqualTo("APPLIED"));
        assertThat(api.post("hq", "/api/alliance-members/" + id + "/review",
                "{\"decision\": \"APPROVE\", \"notes\": \"材料齐全，同意入盟\"}").status()).isEqualTo(204);
        assertThat(api.post("hq", "/api/alliance-members/" + id + "/convention-signature",
                "{\"conventionVersion\": \"2014-1\", \"signatory\": \"王女士\"}").status()).isEqualTo(204);
        assertThat(api.post("hq", "/api/alliance-members/" + id + "/admission", null).status()).isEqualTo(204);

        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/alliance-members/" + id)
                .body().path("status").asText()).isEqualTo("ADMITTED"));
        JsonNode member = api.get("auditor", "/api/alliance-members/" + id).body();
        assertThat(member.path("creditCode").asText()).isEqualTo(code);
        assertThat(member.path("reviewNotes").asText()).isEqualTo("材料齐全，同意入盟");
        assertThat(member.path("conventionVersion").asText()).isEqualTo("2014-1");
        for (String date : List.of("appliedAt", "reviewedAt", "conventionSignedAt", "admittedAt")) {
            assertThat(member.path(date).isTextual()).as(date).isTrue();
        }
        JsonNode admitted = api.get("auditor", "/api/alliance-members?alliance=PUBLIC_WELFARE&status=ADMITTED&size=100")
                .body();
        assertThat(admitted.path("items").findValuesAsText("memberId")).contains(id);
    }

    @Test
    void findsServiceRecordsByChineseWordsAndNothingUnrelated() {
        String station = scenario.openStation("兰园家庭驿站", "鼓楼区");
        String member = scenario.admittedMember("PUBLIC_WELFARE", "李晓霞工作室");
        String counselling = scenario.recordService(station, "EMOTIONAL", "PSYCHOLOGICAL_COUNSELLING", member,
                "为社区单亲妈妈开展心理咨询小组活动，帮助缓解育儿压力", "2026-11-02T02:00:00Z", 5);
        String haircut = scenario.recordService(station, "CONVENIENCE", "EMPTY_NEST_ELDERLY_CARE", member,
                "组织空巢老人参加健康讲座，志愿者上门理发", "2026-11-03T02:00:00Z", 4);
        String legal = scenario.recordService(station, "EMOTIONAL", "LEGAL_AID", member,
                "开展法律咨询，解答婚姻家庭纠纷问题", "2026-11-04T02:00:00Z", 5);

        String inStation = "&stationId=" + station;
        // The three records may be indexed in different batches: wait until each one is searchable.
        Eventually.assertThat(() -> {
            assertThat(ids(search("q=咨询" + inStation))).containsExactlyInAnyOrder(counselling, legal);
            assertThat(ids(search("q=理发" + inStation))).containsExactly(haircut);
        });
        // 心理 must not find 法律咨询 (shares 咨询) nor 上门理发 (shares 理).
        assertThat(ids(search("q=心理" + inStation))).containsExactly(counselling);
        assertThat(ids(search("q=心理 压力" + inStation))).containsExactly(counselling);
        assertThat(ids(search("q=心理 纠纷" + inStation))).isEmpty();
        // As Chinese input methods type it: a full-width space (U+3000) separates words too.
        assertThat(ids(search("q=心理\u3000压力" + inStation))).containsExactly(counselling);
        assertThat(ids(search("q=\u3000心理\u3000纠纷\u3000" + inStation))).isEmpty();

        JsonNode hit = search("q=心理" + inStation).path("items").get(0);
        assertThat(hit.path("highlights").path("description").get(0).asText()).contains("<em>");

        // Filters: project, district, period (days in Asia/Shanghai), provider.
        assertThat(ids(search("q=咨询&projectCode=LEGAL_AID" + inStation))).containsExactly(legal);
        assertThat(ids(search("q=咨询&district=高淳区" + inStation))).isEmpty();
        assertThat(ids(search("from=2026-11-03&to=2026-11-03" + inStation))).containsExactly(haircut);
        assertThat(ids(search("providerMemberId=" + member + "&sort=date" + inStation)))
                .containsExactly(legal, haircut, counselling);

        // A corrected record is re-indexed; a voided one leaves the results.
        assertThat(api.post("worker", "/api/service-records/" + legal + "/corrections", """
                {"changes": {"description": "开展法律援助，为遭受家庭暴力的妇女提供维权咨询"}, "reason": "描述不准确"}""")
                .status()).isEqualTo(204);
        assertThat(api.post("worker", "/api/service-records/" + counselling + "/voiding",
                "{\"reason\": \"重复录入\"}").status()).isEqualTo(204);
        Eventually.assertThat(() -> assertThat(ids(search("q=家庭暴力" + inStation))).containsExactly(legal));
        Eventually.assertThat(() -> assertThat(ids(search("q=心理" + inStation))).isEmpty());
        assertThat(ids(search("q=纠纷" + inStation))).isEmpty();
    }

    @Test
    void ranksTheRecordsThatSayTheWordsFirstThenTheRestNewestFirst() {
        String station = scenario.openStation("梅园家庭驿站", "玄武区");
        String member = scenario.admittedMember("PUBLIC_WELFARE", "陈静社工工作室");
        String says = scenario.recordService(station, "EMOTIONAL", "LEGAL_AID", member,
                "联合街道司法所为遭遇婚姻家庭纠纷的妇女开展法律咨询，并安排社工进行心理疏导", "2026-11-02T02:00:00Z", 5);
        String projectOnly = scenario.recordService(station, "EMOTIONAL", "PSYCHOLOGICAL_COUNSELLING", member,
                "组织亲子阅读活动", "2026-11-05T02:00:00Z", 4);
        String neither = scenario.recordService(station, "EMOTIONAL", "LEGAL_AID", member,
                "讲解婚姻法律常识", "2026-11-06T02:00:00Z", 3);

        String inStation = "&stationId=" + station;
        Eventually.assertThat(() -> assertThat(ids(search("q=&sort=date" + inStation)))
                .containsExactly(neither, projectOnly, says));
        // 心理 stands as a word in what the first record says; the second has it only in its project's name (心理咨询):
        // found, and after the first, although newer.
        assertThat(ids(search("q=心理" + inStation))).containsExactly(says, projectOnly);
        assertThat(ids(search("q=心理&sort=date" + inStation))).containsExactly(projectOnly, says);
    }

    @Test
    void listsAStationsRecordsByPeriodAndCountsThemOnTheDashboard() {
        String district = "溧水区";
        JsonNode before = api.get("auditor", "/api/dashboard/summary?district=" + district).body();
        long servicesBefore = before.path("services").path("total").asLong();

        String station = scenario.openStation("永阳家庭驿站", district);
        String member = scenario.admittedMember("DOMESTIC_SERVICE", "乐斯家政");
        // 2026-10-31T17:00Z is already 1 November in Nanjing.
        String november = scenario.recordService(station, "CONVENIENCE", "HOUSEKEEPING", member,
                "为行动不便的老人提供上门保洁", "2026-10-31T17:00:00Z", 4);
        String october = scenario.recordService(station, "CONVENIENCE", "HOUSEKEEPING", member,
                "家政技能培训后的上门服务", "2026-10-31T15:00:00Z", 2);

        Eventually.assertThat(() -> assertThat(api.get("auditor",
                "/api/stations/" + station + "/service-records").body().path("total").asLong()).isEqualTo(2));
        JsonNode inNovember = api.get("auditor",
                "/api/stations/" + station + "/service-records?from=2026-11-01&to=2026-11-30").body();
        assertThat(inNovember.path("items").findValuesAsText("serviceRecordId")).containsExactly(november);
        JsonNode record = api.get("auditor", "/api/service-records/" + october).body();
        assertThat(record.path("providerName").asText()).isEqualTo("乐斯家政");
        assertThat(record.path("stationPointLabel").asText()).isEqualTo("便民驿站");

        // Stations and services are counted by different projections: wait for both.
        Eventually.assertThat(() -> {
            JsonNode counted = api.get("auditor", "/api/dashboard/summary?district=" + district).body();
            assertThat(counted.path("services").path("total").asLong()).isEqualTo(servicesBefore + 2);
            assertThat(counted.path("stations").path("byDistrict")).isNotEmpty();
        });
        JsonNode summary = api.get("auditor", "/api/dashboard/summary?district=" + district).body();
        assertThat(summary.path("stations").path("byDistrict").get(0).path("district").asText()).isEqualTo(district);
        Map<String, Long> monthsBefore = counts(before.path("services").path("byMonth"));
        Map<String, Long> byMonth = counts(summary.path("services").path("byMonth"));
        assertThat(byMonth.get("2026-11")).isEqualTo(monthsBefore.getOrDefault("2026-11", 0L) + 1);
        assertThat(byMonth.get("2026-10")).isEqualTo(monthsBefore.getOrDefault("2026-10", 0L) + 1);
        JsonNode housekeeping = find(summary.path("services").path("byProject"), "HOUSEKEEPING");
        assertThat(housekeeping.path("label").asText()).isEqualTo("家政");
        JsonNode onlyNovember = api.get("auditor",
                "/api/dashboard/summary?district=" + district + "&from=2026-11&to=2026-11").body();
        assertThat(onlyNovember.path("services").path("byMonth")).allSatisfy(month ->
                assertThat(month.path("key").asText()).isEqualTo("2026-11"));
        assertThat(summary.path("allianceMembers").findValuesAsText("alliance"))
                .containsExactly("DOMESTIC_SERVICE", "PUBLIC_WELFARE");
    }

    @Test
    void answersARepeatedSummaryTheSameAndNeverStaysOnItOnceANewServiceIsCounted() {
        // A month no other test records services in, so that the counts are this test's whatever ran before.
        String district = "江宁区";
        String summaryPath = "/api/dashboard/summary?district=" + district + "&from=2019-03&to=2019-03";
        String quarterPath = "/api/dashboard/summary?district=" + district + "&from=2019-01&to=2019-03";
        String station = scenario.openStation("东山家庭驿站", district);
        String member = scenario.admittedMember("PUBLIC_WELFARE", "东山妇女互助会");
        scenario.recordService(station, "EMOTIONAL", "PSYCHOLOGICAL_COUNSELLING", member,
                "为新婚家庭开展沟通技巧讲座", "2019-03-05T02:00:00Z", 5);
        // Everything the summary counts has been projected (members are counted city-wide).
        Eventually.assertThat(() -> {
            assertThat(api.get("auditor", "/api/alliance-members/" + member).body().path("status").asText())
                    .isEqualTo("ADMITTED");
            JsonNode summary = api.get("auditor", summaryPath).body();
            assertThat(summary.path("stations").path("total").asLong()).isPositive();
            assertThat(summary.path("services").path("total").asLong()).isEqualTo(1);
        });

        // Asked again with nothing recorded in between: the same answer (the second one is the kept one).
        JsonNode counted = api.get("auditor", summaryPath).body();
        assertThat(api.get("auditor", summaryPath).body()).isEqualTo(counted);
        assertThat(api.get("auditor", quarterPath).body().path("services").path("total").asLong()).isEqualTo(1);

        // A new service moves the service-record projection's tokens: the kept answer is not served past that.
        scenario.recordService(station, "EMOTIONAL", "PSYCHOLOGICAL_COUNSELLING", member,
                "亲子沟通工作坊", "2019-03-06T02:00:00Z", 4);
        Eventually.assertThat(() -> assertThat(api.get("auditor", summaryPath).body()
                .path("services").path("total").asLong()).isEqualTo(2));
        JsonNode recounted = api.get("auditor", summaryPath).body();
        assertThat(recounted.path("services").path("participants").asLong()).isEqualTo(20);
        assertThat(recounted.path("services").path("averageSatisfaction").asDouble()).isEqualTo(4.5);
        assertThat(api.get("auditor", quarterPath).body().path("services").path("total").asLong()).isEqualTo(2);
    }

    @Test
    void showsTheHistoryOfAnEntityWithWhoAndTheCorrelationId() {
        String correlationId = "demo-" + UUID.randomUUID();
        String home = scenario.communityHome("清凉门妇女儿童之家", "鼓楼区", "STANDARD");
        Api.Response opened = api.post("hq", "/api/stations", """
                {"communityHomeId": "%s", "stationName": "清凉门家庭驿站", "openedAt": "%s"}"""
                        .formatted(home, Scenario.OPENED_AT),
                Map.of("X-Correlation-Id", correlationId));
        assertThat(opened.headers().getFirst("X-Correlation-Id")).isEqualTo(correlationId);

        JsonNode history = api.get("auditor", "/api/history/stations/" + opened.id()).body();
        assertThat(history).hasSize(1);
        JsonNode entry = history.get(0);
        assertThat(entry.path("type").asText()).isEqualTo("StationOpened");
        assertThat(entry.path("payload").path("stationName").asText()).isEqualTo("清凉门家庭驿站");
        assertThat(entry.path("metadata").path("userId").asText()).isEqualTo("hq");
        assertThat(entry.path("metadata").path("unitId").asText()).isEqualTo(ReferenceScenario.HEADQUARTERS_ID);
        assertThat(entry.path("metadata").path("correlationId").asText()).isEqualTo(correlationId);
        assertThat(entry.path("metadata").path("causationId").asText()).isNotBlank();

        String member = scenario.admittedMember("PUBLIC_WELFARE", "爱心妈妈QQ群");
        JsonNode memberHistory = api.get("auditor", "/api/history/alliance-members/" + member).body();
        assertThat(memberHistory.findValuesAsText("type")).containsExactly("AllianceMembershipApplied",
                "AllianceApplicationApproved", "AllianceConventionSigned", "AllianceMemberAdmitted");
        assertThat(api.get("auditor", "/api/history/service-records/" + member).status()).isEqualTo(404);
    }

    @Test
    void servesItsOpenApiDocumentWithoutLogin() {
        Api.Response document = api.get(null, "/v3/api-docs");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body().path("paths").has("/api/stations/{stationId}/service-records")).isTrue();
        assertThat(document.body().path("paths").has("/api/service-records/search")).isTrue();
    }

    private JsonNode search(String query) {
        Api.Response response = api.get("auditor", "/api/service-records/search?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").findValuesAsText("serviceRecordId");
    }

    private static Map<String, Long> counts(JsonNode rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.put(row.path("key").asText(), row.path("services").asLong()));
        return counts;
    }

    private static JsonNode find(JsonNode rows, String key) {
        List<JsonNode> matching = new ArrayList<>();
        rows.forEach(row -> {
            if (row.path("key").asText().equals(key)) {
                matching.add(row);
            }
        });
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }
}
