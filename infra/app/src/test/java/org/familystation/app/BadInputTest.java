package org.familystation.app;

import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a client sends, the answer is a problem document with a stable code and a 4xx status, and a refused
 * request writes nothing.
 */
class BadInputTest extends ApplicationTest {

    private static String station(String homeId) {
        return """
                {"communityHomeId": "%s", "stationName": "莫愁湖家庭驿站"}""".formatted(homeId);
    }

    private String newHome() {
        return scenario.communityHome("莫愁湖妇女儿童之家", "建邺区", "STANDARD");
    }

    @Test
    void malformedJsonIsA400() {
        refused(400, "MALFORMED_JSON", () -> api.post("hq", "/api/stations", "{\"stationName\": "));
    }

    @Test
    void aMissingBodyIsA400() {
        refused(400, "BODY_REQUIRED", () -> api.send(HttpMethod.POST, "hq", "/api/stations", null,
                Map.of("Content-Type", "application/json")));
    }

    @Test
    void aWrongTypeNamesTheField() {
        String station = scenario.openStation("南湖家庭驿站", "建邺区");
        Api.Response response = refused(400, "INVALID_FIELD", () -> api.post("worker",
                "/api/stations/" + station + "/service-records", """
                        {"stationPoint": "CULTURE", "projectCode": "FAMILY_EDUCATION", "providerKind": "SOCIAL_WORKER",
                         "providerName": "王社工", "deliveredAt": "2026-11-01T02:00:00Z", "participantCount": "很多",
                         "description": "亲子阅读"}"""));
        assertThat(response.body().path("field").asText()).isEqualTo("participantCount");
        Api.Response badDate = refused(400, "INVALID_FIELD", () -> api.post("worker",
                "/api/stations/" + station + "/service-records", """
                        {"stationPoint": "CULTURE", "deliveredAt": "昨天"}"""));
        assertThat(badDate.body().path("field").asText()).isEqualTo("deliveredAt");
    }

    @Test
    void missingFieldsAreNamed() {
        Api.Response response = refused(400, "COMMUNITY_HOME_ID_REQUIRED", () -> api.post("hq", "/api/stations", "{}"));
        assertThat(response.body().path("field").asText()).isEqualTo("communityHomeId");
    }

    @Test
    void ruleRefusalsOfOpeningAStation() {
        refused(422, "COMMUNITY_HOME_UNKNOWN", () -> api.post("hq", "/api/stations",
                station(UUID.randomUUID().toString())));
        String home = newHome();
        assertThat(api.post("hq", "/api/stations", station(home)).status()).isEqualTo(201);
        refused(409, "STATION_ALREADY_OPEN_AT_HOME", () -> api.post("hq", "/api/stations", station(home)));
        String otherHome = newHome();
        refused(400, "ID_INVALID", () -> api.post("hq", "/api/stations",
                "{\"stationId\": \"station-1\"," + station(otherHome).substring(1)));
    }

    @Test
    void ruleRefusalsOfBuildingTheNetwork() {
        String branch = scenario.branchCentre("建邺区");
        refused(400, "DISTRICT_UNKNOWN", () -> api.post("hq", "/api/units", """
                {"level": "BRANCH_CENTRE", "name": "朝阳区妇儿活动中心", "parentUnitId": "%s", "district": "朝阳区"}"""
                .formatted(scenario.headquarters())));
        refused(400, "HOME_TIER_UNKNOWN", () -> api.post("hq", "/api/units", """
                {"level": "COMMUNITY_HOME", "name": "江心洲妇女儿童之家", "parentUnitId": "%s", "tier": "GOLD"}"""
                .formatted(branch)));
        refused(409, "FEDERATION_EXISTS", () -> api.post("hq", "/api/units",
                "{\"level\": \"FEDERATION\", \"name\": \"第二个市妇联\"}"));
        refused(422, "PARENT_LEVEL_NOT_ALLOWED", () -> api.post("hq", "/api/units", """
                {"level": "COMMUNITY_HOME", "name": "江心洲妇女儿童之家", "parentUnitId": "%s", "tier": "STANDARD"}"""
                .formatted(scenario.headquarters())));
        refused(409, "ENTRY_CODE_TAKEN", () -> api.post("hq", "/api/catalogues/SERVICE_PROJECT",
                "{\"code\": \"LEGAL_AID\", \"name\": \"法律援助\", \"stationPoint\": \"EMOTIONAL\"}"));
        String station = scenario.openStation("江心洲家庭驿站", "建邺区");
        refused(409, "STATION_NOT_SUSPENDED", () -> api.post("hq", "/api/stations/" + station + "/reopening",
                "{\"reason\": \"恢复\"}"));
        refused(422, "SPECIALTY_UNKNOWN", () -> api.post("hq", "/api/stations/" + station + "/specialties",
                "{\"specialtyCode\": \"KARAOKE\"}"));
    }

    @Test
    void reSendingACreateWithAnExistingIdIsAConflictNotASecondEntity() {
        String id = UUID.randomUUID().toString();
        String body = "{\"stationId\": \"" + id + "\"," + station(newHome()).substring(1);
        assertThat(api.post("hq", "/api/stations", body).status()).isEqualTo(201);
        String again = "{\"stationId\": \"" + id + "\"," + station(newHome()).substring(1);
        refused(409, "ID_ALREADY_USED", () -> api.post("hq", "/api/stations", again));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM cmd_station WHERE station_id = ?", Long.class, id))
                .isEqualTo(1);
    }

    @Test
    void ruleRefusalsOfAllianceMembership() {
        refused(400, "CREDIT_CODE_INVALID", () -> api.post("hq", "/api/alliance-applications", """
                {"alliance": "PUBLIC_WELFARE", "organisationName": "南京市月嫂联合会",
                 "organisationType": "SOCIAL_ORGANISATION", "creditCode": "91350100M000100Y44"}"""));
        refused(400, "ALLIANCE_UNKNOWN", () -> api.post("hq", "/api/alliance-applications", """
                {"alliance": "SPORTS", "organisationName": "畅游体育", "organisationType": "ENTERPRISE",
                 "creditCode": "%s"}""".formatted(Scenario.newCreditCode())));
        String code = Scenario.newCreditCode();
        String application = """
                {"alliance": "DOMESTIC_SERVICE", "organisationName": "一家人物业保洁", "organisationType": "ENTERPRISE",
                 "creditCode": "%s"}""".formatted(code);
        String member = api.post("hq", "/api/alliance-applications", application).id();
        refused(409, "CREDIT_CODE_ALREADY_IN_ALLIANCE", () -> api.post("hq", "/api/alliance-applications",
                application));
        refused(422, "MEMBER_NOT_APPROVED", () -> api.post("hq", "/api/alliance-members/" + member + "/admission",
                null));
        refused(400, "REJECTION_REASON_REQUIRED", () -> api.post("hq", "/api/alliance-members/" + member + "/review",
                "{\"decision\": \"REJECT\"}"));
        assertThat(api.post("hq", "/api/alliance-members/" + member + "/review", "{\"decision\": \"APPROVE\"}")
                .status()).isEqualTo(204);
        refused(409, "APPLICATION_NOT_AWAITING_REVIEW", () -> api.post("hq",
                "/api/alliance-members/" + member + "/review", "{\"decision\": \"APPROVE\"}"));
        refused(400, "CONVENTION_VERSION_UNKNOWN", () -> api.post("hq",
                "/api/alliance-members/" + member + "/convention-signature",
                "{\"conventionVersion\": \"1999\", \"signatory\": \"张经理\"}"));
        refused(422, "CONVENTION_NOT_SIGNED", () -> api.post("hq", "/api/alliance-members/" + member + "/admission",
                null));
    }

    @Test
    void ruleRefusalsOfServiceRecords() {
        String station = scenario.openStation("沙洲家庭驿站", "建邺区");
        String member = scenario.admittedMember("PUBLIC_WELFARE", "12338热线");
        scenario.offer(member, station, "LEGAL_AID");
        String applicant = api.post("hq", "/api/alliance-applications", """
                {"alliance": "PUBLIC_WELFARE", "organisationName": "江苏红娘", "organisationType": "ENTERPRISE",
                 "creditCode": "%s"}""".formatted(Scenario.newCreditCode())).id();
        String path = "/api/stations/" + station + "/service-records";
        String template = """
                {"stationPoint": "EMOTIONAL", "projectCode": "LEGAL_AID", "providerKind": "ALLIANCE_MEMBER",
                 "providerMemberId": "%s", "deliveredAt": "%s", "participantCount": %d,
                 "description": "%s", "satisfaction": %d}""";
        refused(422, "PROVIDER_NOT_ADMITTED", () -> api.post("worker", path,
                template.formatted(applicant, "2026-11-01T02:00:00Z", 3, "法律咨询", 5)));
        refused(400, "SATISFACTION_OUT_OF_RANGE", () -> api.post("worker", path,
                template.formatted(member, "2026-11-01T02:00:00Z", 3, "法律咨询", 9)));
        refused(400, "PARTICIPANTS_INVALID", () -> api.post("worker", path,
                template.formatted(member, "2026-11-01T02:00:00Z", 0, "法律咨询", 5)));
        refused(400, "DELIVERED_IN_FUTURE", () -> api.post("worker", path,
                template.formatted(member, "2099-01-01T00:00:00Z", 3, "法律咨询", 5)));
        refused(400, "DESCRIPTION_INVALID", () -> api.post("worker", path,
                template.formatted(member, "2026-11-01T02:00:00Z", 3, "字".repeat(4001), 5)));
        refused(404, "STATION_UNKNOWN", () -> api.post("worker", "/api/stations/" + UUID.randomUUID()
                + "/service-records", template.formatted(member, "2026-11-01T02:00:00Z", 3, "法律咨询", 5)));

        String record = scenario.recordService(station, "EMOTIONAL", "LEGAL_AID", member, "法律咨询",
                "2026-11-01T08:00:00+08:00", 5);
        refused(400, "REASON_REQUIRED", () -> api.post("worker", "/api/service-records/" + record + "/voiding", "{}"));
        assertThat(api.post("worker", "/api/service-records/" + record + "/voiding", "{\"reason\": \"录错驿站\"}")
                .status()).isEqualTo(204);
        refused(409, "SERVICE_RECORD_VOIDED", () -> api.post("worker", "/api/service-records/" + record + "/voiding",
                "{\"reason\": \"再次作废\"}"));
        refused(409, "SERVICE_RECORD_VOIDED", () -> api.post("worker",
                "/api/service-records/" + record + "/corrections", "{\"changes\": {\"participantCount\": 4},"
                        + " \"reason\": \"人数\"}"));
    }

    @Test
    void unknownIdsAre404() {
        String unknown = UUID.randomUUID().toString();
        refused(404, "STATION_NOT_FOUND", () -> api.get("auditor", "/api/stations/" + unknown));
        refused(404, "MEMBER_NOT_FOUND", () -> api.get("auditor", "/api/alliance-members/" + unknown));
        refused(404, "SERVICE_RECORD_NOT_FOUND", () -> api.get("auditor", "/api/service-records/" + unknown));
        refused(404, "HISTORY_NOT_FOUND", () -> api.get("auditor", "/api/history/stations/" + unknown));
        refused(404, "HISTORY_KIND_UNKNOWN", () -> api.get("auditor", "/api/history/planets/" + unknown));
        refused(404, "NOT_FOUND", () -> api.post("hq", "/api/alliance-members/" + unknown + "/admission", null));
        refused(404, "NOT_FOUND", () -> api.post("worker", "/api/service-records/" + unknown + "/voiding",
                "{\"reason\": \"不存在\"}"));
        refused(404, "NOT_FOUND", () -> api.get("auditor", "/api/no-such-thing"));
    }

    @Test
    void badQueryParametersAre400() {
        refused(400, "PAGE_INVALID", () -> api.get("auditor", "/api/stations?page=-1"));
        refused(400, "PAGE_INVALID", () -> api.get("auditor", "/api/stations?size=1000"));
        // page × size past an int: still a page beyond the end, or beyond search's window.
        Api.Response farBeyond = api.get("auditor", "/api/stations?page=2147483647&size=100");
        assertThat(farBeyond.status()).as(farBeyond.toString()).isEqualTo(200);
        assertThat(farBeyond.body().get("items")).isEmpty();
        assertThat(farBeyond.body().get("totalExact").asBoolean()).isTrue();
        refused(400, "PAGE_BEYOND_SEARCH_WINDOW", () -> api.get("auditor",
                "/api/service-records/search?page=2147483647&size=100"));
        refused(400, "INVALID_PARAMETER", () -> api.get("auditor", "/api/stations?tier=GOLD"));
        refused(400, "INVALID_PARAMETER", () -> api.get("auditor", "/api/service-records/search?from=昨天"));
        refused(400, "PERIOD_INVALID", () -> api.get("auditor", "/api/service-records/search?from=2026-11-02&to=2026-11-01"));
        refused(400, "SORT_UNKNOWN", () -> api.get("auditor", "/api/service-records/search?sort=random"));
        refused(400, "QUERY_TOO_LONG", () -> api.get("auditor", "/api/service-records/search?q=" + "字".repeat(201)));
        refused(400, "PERIOD_INVALID", () -> api.get("auditor", "/api/dashboard/summary?from=2026-12&to=2026-11"));
    }

    @Test
    void whoMayDoWhat() {
        refused(401, "UNAUTHENTICATED", () -> api.get(null, "/api/stations"));
        refused(401, "UNAUTHENTICATED", () -> api.send(HttpMethod.GET, "nobody", "/api/stations", null, Map.of()));
        refused(403, "FORBIDDEN", () -> api.post("auditor", "/api/stations", station(UUID.randomUUID().toString())));
        refused(403, "FORBIDDEN", () -> api.post("worker", "/api/stations", station(UUID.randomUUID().toString())));
        refused(403, "FORBIDDEN", () -> api.post("worker", "/api/units", "{\"level\": \"FEDERATION\"}"));
    }

    @Test
    void wrongMethodAndMediaType() {
        refused(405, "METHOD_NOT_ALLOWED", () -> api.send(HttpMethod.DELETE, "admin", "/api/stations", null,
                Map.of()));
        refused(415, "UNSUPPORTED_MEDIA_TYPE", () -> api.send(HttpMethod.POST, "hq", "/api/stations", null,
                Map.of("Content-Type", "text/plain")));
    }
}
