package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Business time beside record time (docs/design/business-dates.md), over HTTP on the real servers: past work is
 * entered with the dates it happened on, and the rules hold those dates against each other.
 */
class BusinessDatesTest extends ApplicationTest {

    private final Map<String, String> staff = new HashMap<>();

    @Test
    void aStationsPastIsEnteredInOrderAndItsServicesFallWhileItWasOpenAtAPointActiveThen() {
        String home = scenario.communityHome("旧事社区妇女儿童之家", "溧水区", "STANDARD");
        Api.Response opened = api.post("hq", "/api/stations", """
                {"communityHomeId": "%s", "stationName": "旧事家庭驿站", "openedAt": "2016-03-08T09:00:00+08:00"}"""
                .formatted(home));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String station = opened.id();
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/stations/" + station).body()
                .path("openedAt").asText()).isEqualTo("2016-03-08T01:00:00Z"));

        String path = "/api/stations/" + station;
        noContent(api.post("hq", path + "/suspension",
                "{\"reason\": \"场地改造\", \"effectiveAt\": \"2017-01-01T00:00:00+08:00\"}"));
        Api.Response early = refused(422, "STATION_CHANGE_OUT_OF_ORDER", () -> api.post("hq",
                path + "/reopening", "{\"reason\": \"改造完成\", \"effectiveAt\": \"2016-12-31T00:00:00+08:00\"}"));
        assertThat(early.body().path("field").asText()).isEqualTo("effectiveAt");
        assertThat(early.body().path("detailEn").asText()).contains("in the order they happened");
        noContent(api.post("hq", path + "/reopening",
                "{\"reason\": \"改造完成\", \"effectiveAt\": \"2017-04-01T00:00:00+08:00\"}"));
        noContent(api.post("hq", path + "/points/CULTURE/deactivation",
                "{\"reason\": \"图书室拆除\", \"effectiveAt\": \"2018-06-01T00:00:00+08:00\"}"));
        refused(400, "HAPPENED_IN_FUTURE", () -> api.post("hq", path + "/closure",
                "{\"reason\": \"社区合并\", \"effectiveAt\": \"%s\"}".formatted(Instant.now().plusSeconds(86_400))));

        // Services at the dates of that history.
        assertThat(service(station, "HAPPINESS", "CULTURE_SPORTS", "2016-05-01T10:00:00+08:00").status())
                .isEqualTo(201);
        Api.Response before = refused(422, "SERVICE_BEFORE_STATION_OPENED",
                () -> service(station, "HAPPINESS", "CULTURE_SPORTS", "2016-03-01T10:00:00+08:00"));
        assertThat(before.body().path("field").asText()).isEqualTo("deliveredAt");
        assertThat(before.body().path("detail").asText()).contains("开设");
        refused(422, "STATION_NOT_OPEN",
                () -> service(station, "HAPPINESS", "CULTURE_SPORTS", "2017-02-01T10:00:00+08:00"));
        assertThat(service(station, "CULTURE", "FAMILY_EDUCATION", "2018-05-01T10:00:00+08:00").status())
                .isEqualTo(201);
        refused(422, "STATION_POINT_NOT_ACTIVE",
                () -> service(station, "CULTURE", "FAMILY_EDUCATION", "2018-07-01T10:00:00+08:00"));

        // Closed now, its past services can still be entered; the ones after its closing cannot.
        noContent(api.post("hq", path + "/closure",
                "{\"reason\": \"社区合并\", \"effectiveAt\": \"2020-01-01T00:00:00+08:00\"}"));
        assertThat(service(station, "HAPPINESS", "CULTURE_SPORTS", "2019-05-01T10:00:00+08:00").status())
                .isEqualTo(201);
        refused(422, "STATION_NOT_OPEN",
                () -> service(station, "HAPPINESS", "CULTURE_SPORTS", "2020-05-01T10:00:00+08:00"));

        // The network on a date counts it by those dates.
        JsonNode asOf2017 = api.get("auditor", "/api/as-of?date=2017-02-01").body();
        assertThat(asOf2017.path("timeBasis").asText()).isEqualTo("BUSINESS");
        assertThat(stationIn(asOf2017, station).path("status").asText()).isEqualTo("SUSPENDED");
        JsonNode stationIn2019 = stationIn(api.get("auditor", "/api/as-of?date=2019-01-01").body(), station);
        assertThat(stationIn2019.path("status").asText()).isEqualTo("OPEN");
        assertThat(stationIn2019.path("activePoints")).hasSize(4);
        assertThat(stationIn2019.path("services").asLong()).isEqualTo(2);
        assertThat(api.get("auditor", "/api/as-of?date=2016-03-07").body().path("stations")
                .findValuesAsText("stationId")).doesNotContain(station);
    }

    @Test
    void moneyIsReceivedThenAllocatedThenSpentThenReleased() {
        String station = scenario.openStation("账期家庭驿站", "溧水区");
        String fund = created(api.post("hq", "/api/funds", """
                {"source": "GOVERNMENT_PURCHASE", "donor": "高淳区民政局", "amountFen": 1000000,
                 "receivedAt": "2025-03-01T09:00:00+08:00"}"""));
        String allocations = "/api/funds/" + fund + "/allocations";
        Api.Response beforeReceipt = refused(422, "ALLOCATED_BEFORE_RECEIVED", () -> api.post("hq",
                allocations, """
                        {"stationId": "%s", "amountFen": 500000, "allocatedAt": "2025-02-28T09:00:00+08:00"}"""
                        .formatted(station)));
        assertThat(beforeReceipt.body().path("field").asText()).isEqualTo("allocatedAt");
        refused(400, "HAPPENED_IN_FUTURE", () -> api.post("hq", allocations, """
                {"stationId": "%s", "amountFen": 500000, "allocatedAt": "%s"}"""
                .formatted(station, Instant.now().plusSeconds(86_400))));
        String allocation = created(api.post("hq", allocations, """
                {"stationId": "%s", "amountFen": 500000, "allocatedAt": "2025-03-10T09:00:00+08:00"}"""
                .formatted(station)));

        String spending = allocations + "/" + allocation + "/expenditures";
        Api.Response early = refused(422, "SPENT_BEFORE_ALLOCATED", () -> api.post("worker", spending, """
                {"amountFen": 10000, "purpose": "活动物料", "spentAt": "2025-03-09T09:00:00+08:00"}"""));
        assertThat(early.body().path("field").asText()).isEqualTo("spentAt");
        created(api.post("worker", spending, """
                {"amountFen": 10000, "purpose": "活动物料", "spentAt": "2025-04-01T09:00:00+08:00"}"""));
        refused(422, "RELEASED_BEFORE_LAST_CHANGE", () -> api.post("hq",
                allocations + "/" + allocation + "/release",
                "{\"reason\": \"项目结束\", \"releasedAt\": \"2025-03-20T09:00:00+08:00\"}"));
        noContent(api.post("hq", allocations + "/" + allocation + "/release",
                "{\"reason\": \"项目结束\", \"releasedAt\": \"2025-06-30T17:00:00+08:00\"}"));

        // A station that opened later could not have received money before it opened.
        String home = scenario.communityHome("新开社区妇女儿童之家", "溧水区", "STANDARD");
        String late = created(api.post("hq", "/api/stations", """
                {"communityHomeId": "%s", "stationName": "新开家庭驿站", "openedAt": "2025-09-01T09:00:00+08:00"}"""
                .formatted(home)));
        refused(422, "STATION_NOT_OPEN", () -> api.post("hq", allocations, """
                {"stationId": "%s", "amountFen": 100000, "allocatedAt": "2025-08-01T09:00:00+08:00"}"""
                .formatted(late)));

        // The allocation counts in March 2025, when it was made, not today when it was entered.
        Eventually.assertThat(() -> assertThat(api.get("auditor",
                "/api/dashboard/funding?from=2025-03&to=2025-03&district=溧水区").body().path("allocatedFen").asLong())
                .isEqualTo(10_000));
    }

    @Test
    void aMembershipIsEnteredInTheOrderItHappened() {
        String member = created(api.post("hq", "/api/alliance-applications", """
                {"alliance": "PUBLIC_WELFARE", "organisationName": "往年公益社", "organisationType": "SOCIAL_ORGANISATION",
                 "creditCode": "%s", "appliedAt": "2014-04-01T10:00:00+08:00"}""".formatted(Scenario.newCreditCode())));
        String path = "/api/alliance-members/" + member;
        Api.Response early = refused(422, "MEMBERSHIP_CHANGE_OUT_OF_ORDER", () -> api.post("hq",
                path + "/review", """
                        {"decision": "APPROVE", "notes": "材料齐全", "reviewedAt": "2014-03-01T10:00:00+08:00"}"""));
        assertThat(early.body().path("field").asText()).isEqualTo("reviewedAt");
        noContent(api.post("hq", path + "/review", """
                {"decision": "APPROVE", "notes": "材料齐全", "reviewedAt": "2014-04-15T10:00:00+08:00"}"""));
        noContent(api.post("hq", path + "/convention-signature", """
                {"conventionVersion": "%s", "signatory": "负责人", "signedAt": "2014-05-01T10:00:00+08:00"}"""
                .formatted(scenario.currentConvention("PUBLIC_WELFARE"))));
        refused(422, "MEMBERSHIP_CHANGE_OUT_OF_ORDER", () -> api.post("hq", path + "/admission",
                "{\"admittedAt\": \"2014-04-20T10:00:00+08:00\"}"));
        noContent(api.post("hq", path + "/admission", "{\"admittedAt\": \"2014-05-08T10:00:00+08:00\"}"));
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/as-of?date=2014-06-01").body()
                .path("allianceMembers").findValuesAsText("memberId")).contains(member));

        // Its offerings are made after its admission, at a station open then.
        String station = scenario.openStation("入盟家庭驿站", "溧水区");
        String offer = """
                {"stationId": "%s", "projectCode": "LEGAL_AID", "pricing": "FREE", "capacity": 10,
                 "capacityPeriod": "PER_SESSION", "offeredAt": "%s"}""";
        Api.Response beforeAdmission = refused(422, "OFFERING_BEFORE_ADMISSION", () -> api.post("hq",
                path + "/offerings", offer.formatted(station, "2014-05-01T10:00:00+08:00")));
        assertThat(beforeAdmission.body().path("field").asText()).isEqualTo("offeredAt");
        assertThat(beforeAdmission.body().path("detail").asText()).contains("入盟");
        refused(400, "HAPPENED_IN_FUTURE", () -> api.post("hq", path + "/offerings",
                offer.formatted(station, Instant.now().plusSeconds(86_400))));
        String offering = created(api.post("hq", path + "/offerings",
                offer.formatted(station, "2014-06-01T10:00:00+08:00")));
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/offerings/" + offering).body()
                .path("offeredAt").asText()).isEqualTo("2014-06-01T02:00:00Z"));
    }

    private Api.Response service(String station, String point, String project, String deliveredAt) {
        // Federation staff of the station's home: suspending or closing a station releases its social workers (a
        // saga, some time later), and a service entered after its closing has no social worker there any more.
        String home = api.get("auditor", "/api/stations/" + station).body().path("communityHomeId").asText();
        String staffMember = staff.computeIfAbsent(home, unit -> created(api.post("hq", "/api/federation-staff", """
                {"name": "周妇工", "unitId": "%s"}""".formatted(unit))));
        return api.post("worker", "/api/stations/" + station + "/service-records", """
                {"stationPoint": "%s", "projectCode": "%s", "providerKind": "FEDERATION_STAFF", "staffIds": ["%s"],
                 "deliveredAt": "%s", "participantCount": 6, "description": "补录往年服务"}"""
                .formatted(point, project, staffMember, deliveredAt));
    }

    private static JsonNode stationIn(JsonNode asOf, String station) {
        for (JsonNode candidate : asOf.path("stations")) {
            if (candidate.path("stationId").asText().equals(station)) {
                return candidate;
            }
        }
        throw new AssertionError("station " + station + " not in the answer as of " + asOf.path("asOf").asText());
    }

}
