package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Needs surveys over HTTP on the real servers: recording, reading, Chinese search, and needs against services. */
class NeedsFlowTest extends ApplicationTest {

    private static final String DISTRICT = "高淳区";

    private static String survey(String surveyedOn, int respondents, String freeText, String needs) {
        return """
                {"surveyedOn": "%s", "channel": "COMMUNITY_VISIT", "respondentCount": %d, "needs": [%s],
                 "freeText": %s}""".formatted(surveyedOn, respondents, needs,
                freeText == null ? "null" : "\"" + freeText + "\"");
    }

    private static String need(String category, int count) {
        return "{\"categoryCode\": \"%s\", \"count\": %d}".formatted(category, count);
    }

    private String record(String homeId, String body) {
        Api.Response response = api.post("worker", "/api/units/" + homeId + "/needs-surveys", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.id();
    }

    @Test
    void recordsASurveyAndReadsItBackAsCorrected() {
        String home = scenario.communityHome("淳溪妇女儿童之家", DISTRICT, "STANDARD");
        Api.Response recorded = api.post("worker", "/api/units/" + home + "/needs-surveys", survey("2026-11-02", 40,
                "希望开设家政技能培训", need("HOUSEKEEPING", 12) + "," + need("FAMILY_EDUCATION", 20)));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        String id = recorded.id();
        assertThat(recorded.headers().getLocation()).hasToString("/api/needs-surveys/" + id);
        String other = record(home, survey("2026-11-05", 8, null, need("SELF_IMPROVEMENT", 3)));

        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/needs-surveys/" + id).status())
                .isEqualTo(200));
        JsonNode survey = api.get("auditor", "/api/needs-surveys/" + id).body();
        assertThat(survey.path("communityHomeName").asText()).isEqualTo("淳溪妇女儿童之家");
        assertThat(survey.path("district").asText()).isEqualTo(DISTRICT);
        assertThat(survey.path("surveyedOn").asText()).isEqualTo("2026-11-02");
        assertThat(survey.path("channelLabel").asText()).isEqualTo("社区走访");
        assertThat(survey.path("needs").findValuesAsText("categoryName")).containsExactly("家庭教育知识", "家政服务");

        noContent(api.post("worker", "/api/needs-surveys/" + id + "/corrections",
                "{\"changes\": {\"respondentCount\": 45, \"channel\": \"FIELD_RESEARCH\"}, \"reason\": \"复核签到表\"}"));
        noContent(api.post("worker", "/api/needs-surveys/" + other + "/voiding", "{\"reason\": \"重复录入\"}"));
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/needs-surveys/" + id).body()
                .path("respondentCount").asInt()).isEqualTo(45));
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/needs-surveys/" + other).body()
                .path("voided").asBoolean()).isTrue());

        String path = "/api/units/" + home + "/needs-surveys";
        assertThat(ids(api.get("auditor", path).body())).containsExactly(id);
        assertThat(ids(api.get("auditor", path + "?includeVoided=true").body())).containsExactly(other, id);
        assertThat(ids(api.get("auditor", path + "?from=2026-11-03&to=2026-11-30").body())).isEmpty();
        assertThat(ids(api.get("auditor", path + "?from=2026-11-01&to=2026-11-02").body())).containsExactly(id);

        assertThat(api.get("auditor", "/api/history/needs-surveys/" + id).body().findValuesAsText("type"))
                .containsExactly("NeedsSurveyRecorded", "NeedsSurveyCorrected");
    }

    @Test
    void findsSurveysByChineseWordsAndNothingUnrelated() {
        String home = scenario.communityHome("东坝妇女儿童之家", DISTRICT, "STANDARD");
        String children = record(home, survey("2026-10-12", 25, "双职工家庭希望开设四点半课堂，解决放学后孩子无人照看的问题",
                need("FAMILY_EDUCATION", 18)));
        String elderly = record(home, survey("2026-10-20", 12, "独居空巢老人希望有人定期上门理发、陪同就医",
                need("EMPTY_NEST_ELDERLY", 9)));

        String inHome = "&communityHomeId=" + home;
        Eventually.assertThat(() -> assertThat(hits("q=课堂" + inHome)).containsExactly(children));
        Eventually.assertThat(() -> assertThat(hits("q=理发" + inHome)).containsExactly(elderly));
        // 家庭 and 老人 each occur, but never in the same survey; 法律 occurs nowhere.
        assertThat(hits("q=家庭" + inHome)).containsExactly(children);
        assertThat(hits("q=老人 家庭" + inHome)).isEmpty();
        assertThat(hits("q=法律" + inHome)).isEmpty();
        // The category's name is searchable too.
        assertThat(hits("q=空巢" + inHome)).containsExactly(elderly);

        JsonNode hit = search("q=课堂" + inHome).path("items").get(0);
        assertThat(hit.path("highlights").path("freeText").get(0).asText()).contains("<em>");
        assertThat(hit.path("channelLabel").asText()).isEqualTo("社区走访");

        assertThat(hits("q=课堂&district=玄武区" + inHome)).isEmpty();
        assertThat(hits("from=2026-10-20&to=2026-10-31" + inHome)).containsExactly(elderly);
        assertThat(hits("categoryCode=FAMILY_EDUCATION" + inHome)).containsExactly(children);
        assertThat(hits("sort=date" + inHome)).containsExactly(elderly, children);

        noContent(api.post("worker", "/api/needs-surveys/" + elderly + "/voiding", "{\"reason\": \"录错社区\"}"));
        Eventually.assertThat(() -> assertThat(hits("q=理发" + inHome)).isEmpty());
    }

    @Test
    void comparesNeedsWithTheServicesOfTheirMatchingProjectsInTheSameDistrictAndMonths() {
        // May 2024 in 高淳区 is this test's alone.
        String home = scenario.communityHome("砖墙妇女儿童之家", DISTRICT, "STANDARD");
        record(home, survey("2024-05-08", 30, null, need("FAMILY_EDUCATION", 20) + "," + need("HOUSEKEEPING", 12)));
        record(home, survey("2024-05-20", 10, null, need("FAMILY_EDUCATION", 6) + ","
                + need("EMPTY_NEST_ELDERLY", 4)));
        String voided = record(home, survey("2024-05-21", 10, null, need("HOUSEKEEPING", 9)));
        noContent(api.post("worker", "/api/needs-surveys/" + voided + "/voiding", "{\"reason\": \"重复录入\"}"));
        record(home, survey("2024-06-01", 10, null, need("HOUSEKEEPING", 7)));

        String station = scenario.openStation("砖墙家庭驿站", DISTRICT);
        scenario.recordService(station, "CULTURE", "FAMILY_EDUCATION", 8, "2024-05-10T02:00:00Z", "家庭教育讲座");
        scenario.recordService(station, "HAPPINESS", "EARLY_EDUCATION", 5, "2024-05-11T02:00:00Z", "亲子早教");
        scenario.recordService(station, "CONVENIENCE", "HOUSEKEEPING", 15, "2024-05-12T02:00:00Z", "上门保洁");
        scenario.recordService(station, "EMOTIONAL", "LEGAL_AID", 3, "2024-05-13T02:00:00Z", "婚姻法律咨询");
        // 1 June 2024 00:30 in Nanjing: outside May.
        scenario.recordService(station, "CONVENIENCE", "HOUSEKEEPING", 4, "2024-05-31T16:30:00Z", "上门保洁");

        String may = "/api/dashboard/needs?district=" + DISTRICT + "&from=2024-05&to=2024-05";
        Eventually.assertThat(() -> {
            JsonNode dashboard = api.get("auditor", may).body();
            assertThat(dashboard.path("needs").asLong()).isEqualTo(42);
            assertThat(gap(dashboard, "HOUSEKEEPING").path("services").asLong()).isEqualTo(1);
            assertThat(gap(dashboard, "MARRIAGE_FAMILY_RIGHTS").path("services").asLong()).isEqualTo(1);
        });
        JsonNode dashboard = api.get("auditor", may).body();
        assertThat(dashboard.path("surveys").asLong()).isEqualTo(2);
        assertThat(dashboard.path("respondents").asLong()).isEqualTo(40);
        JsonNode byCategory = dashboard.path("byCategory");
        assertThat(byCategory.findValuesAsText("code"))
                .containsExactly("FAMILY_EDUCATION", "HOUSEKEEPING", "EMPTY_NEST_ELDERLY");
        assertThat(byCategory.findValuesAsText("needs")).containsExactly("26", "12", "4");
        assertThat(byCategory.get(0).path("share").asDouble()).isEqualTo(0.619);
        assertThat(byCategory.get(0).path("name").asText()).isEqualTo("家庭教育知识");
        assertThat(dashboard.path("byDistrict").findValuesAsText("district")).containsExactly(DISTRICT);
        assertThat(dashboard.path("byMonth").findValuesAsText("month")).containsExactly("2024-05");

        JsonNode education = gap(dashboard, "FAMILY_EDUCATION");
        assertThat(education.path("needs").asLong()).isEqualTo(26);
        assertThat(education.path("services").asLong()).isEqualTo(2);
        assertThat(education.path("participants").asLong()).isEqualTo(13);
        assertThat(education.path("shortfall").asLong()).isEqualTo(13);
        assertThat(education.path("coverage").asDouble()).isEqualTo(0.5);
        assertThat(education.path("matchingProjects").findValuesAsText("code"))
                .containsExactly("FAMILY_EDUCATION", "EARLY_EDUCATION");
        JsonNode housekeeping = gap(dashboard, "HOUSEKEEPING");
        assertThat(housekeeping.path("participants").asLong()).isEqualTo(15);
        assertThat(housekeeping.path("shortfall").asLong()).isZero();
        assertThat(housekeeping.path("coverage").asDouble()).isEqualTo(1.25);
        JsonNode elderly = gap(dashboard, "EMPTY_NEST_ELDERLY");
        assertThat(elderly.path("services").asLong()).isZero();
        assertThat(elderly.path("shortfall").asLong()).isEqualTo(4);
        JsonNode rights = gap(dashboard, "MARRIAGE_FAMILY_RIGHTS");
        assertThat(rights.path("needs").asLong()).isZero();
        assertThat(rights.path("participants").asLong()).isEqualTo(3);
        assertThat(rights.has("coverage")).isFalse();
        assertThat(dashboard.path("gap").findValuesAsText("categoryCode")).startsWith("FAMILY_EDUCATION",
                "HOUSEKEEPING", "EMPTY_NEST_ELDERLY");

        Eventually.assertThat(() -> {
            JsonNode june = api.get("auditor", "/api/dashboard/needs?district=" + DISTRICT + "&from=2024-06&to=2024-06")
                    .body();
            assertThat(gap(june, "HOUSEKEEPING").path("needs").asLong()).isEqualTo(7);
            assertThat(gap(june, "HOUSEKEEPING").path("participants").asLong()).isEqualTo(4);
        });
    }

    @Test
    void refusedSurveysWriteNothing() {
        String home = scenario.communityHome("漆桥妇女儿童之家", DISTRICT, "STANDARD");
        String path = "/api/units/" + home + "/needs-surveys";
        refused(404, "HOME_UNKNOWN", () -> api.post("worker", "/api/units/" + UUID.randomUUID()
                + "/needs-surveys", survey("2026-11-02", 5, null, need("HOUSEKEEPING", 2))));
        String branch = scenario.branchCentre(DISTRICT);
        refused(422, "UNIT_NOT_A_COMMUNITY_HOME", () -> api.post("worker", "/api/units/" + branch
                + "/needs-surveys", survey("2026-11-02", 5, null, need("HOUSEKEEPING", 2))));
        Api.Response unknown = refused(400, "NEED_CATEGORY_UNKNOWN", () -> api.post("worker", path,
                survey("2026-11-02", 5, null, need("HOUSEKEEPING", 2) + "," + need("KARAOKE", 1))));
        assertThat(unknown.body().path("field").asText()).isEqualTo("needs[1].categoryCode");
        refused(400, "NEED_CATEGORY_REPEATED", () -> api.post("worker", path,
                survey("2026-11-02", 5, null, need("HOUSEKEEPING", 2) + "," + need("HOUSEKEEPING", 1))));
        refused(400, "NEED_COUNT_INVALID", () -> api.post("worker", path,
                survey("2026-11-02", 5, null, need("HOUSEKEEPING", 0))));
        refused(400, "RESPONDENTS_INVALID", () -> api.post("worker", path,
                survey("2026-11-02", 0, null, need("HOUSEKEEPING", 1))));
        refused(400, "SURVEY_DATE_IN_FUTURE", () -> api.post("worker", path,
                survey("2099-01-01", 5, null, need("HOUSEKEEPING", 2))));
        refused(400, "NEEDS_REQUIRED", () -> api.post("worker", path, survey("2026-11-02", 5, null, "")));
        refused(400, "FREE_TEXT_TOO_LONG", () -> api.post("worker", path,
                survey("2026-11-02", 5, "字".repeat(4_001), need("HOUSEKEEPING", 2))));
        refused(400, "INVALID_FIELD", () -> api.post("worker", path,
                survey("2026-11-02", 5, null, need("HOUSEKEEPING", 2)).replace("2026-11-02", "上周二")));
        refused(403, "FORBIDDEN", () -> api.post("auditor", path,
                survey("2026-11-02", 5, null, need("HOUSEKEEPING", 2))));

        String id = UUID.randomUUID().toString();
        String withId = "{\"surveyId\": \"" + id + "\"," + survey("2026-11-02", 5, null, need("HOUSEKEEPING", 2))
                .substring(1);
        assertThat(api.post("worker", path, withId).status()).isEqualTo(201);
        refused(409, "ID_ALREADY_USED", () -> api.post("worker", path, withId));
        refused(400, "CORRECTION_CHANGES_NOTHING", () -> api.post("worker",
                "/api/needs-surveys/" + id + "/corrections", "{\"changes\": {\"respondentCount\": 5}, \"reason\": \"核对\"}"));

        refused(404, "NEEDS_SURVEY_NOT_FOUND", () -> api.get("auditor",
                "/api/needs-surveys/" + UUID.randomUUID()));
        refused(400, "PERIOD_INVALID", () -> api.get("auditor",
                "/api/needs-surveys/search?from=2026-11-02&to=2026-11-01"));
        refused(400, "QUERY_TOO_LONG", () -> api.get("auditor",
                "/api/needs-surveys/search?q=" + "字".repeat(201)));
        refused(400, "PERIOD_INVALID", () -> api.get("auditor",
                "/api/dashboard/needs?from=2026-12&to=2026-11"));
    }

    private JsonNode search(String query) {
        Api.Response response = api.get("auditor", "/api/needs-surveys/search?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private List<String> hits(String query) {
        return search(query).path("items").findValuesAsText("surveyId");
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").findValuesAsText("surveyId");
    }

    private static JsonNode gap(JsonNode dashboard, String category) {
        List<JsonNode> matching = new ArrayList<>();
        dashboard.path("gap").forEach(row -> {
            if (row.path("categoryCode").asText().equals(category)) {
                matching.add(row);
            }
        });
        assertThat(matching).as(category + " in " + dashboard.path("gap")).hasSize(1);
        return matching.get(0);
    }
}
