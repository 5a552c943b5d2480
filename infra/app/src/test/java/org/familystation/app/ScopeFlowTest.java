package org.familystation.app;

import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Scenario;
import org.familystation.app.support.TestAccounts;
import org.familystation.events.common.CityCentre;
import org.familystation.platform.security.Role;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users act only where their unit reaches (docs/design/scope-rules.md, "Acting"), over HTTP on the real servers: a 玄武区 home's
 * station worker and a 鼓楼区 branch centre's operator at their own stations and at the other district's, centre
 * staff on other centres' referrals, accounts without role or unit, auditors.
 */
class ScopeFlowTest extends ApplicationTest {

    private static final String SERVICE = """
            {"stationPoint": "EMOTIONAL", "projectCode": "PSYCHOLOGICAL_COUNSELLING", "providerKind": "SOCIAL_WORKER",
             "socialWorkerIds": ["%s"], "deliveredAt": "2026-11-20T02:00:00Z", "participantCount": 6,
             "description": "婚姻家庭心理疏导"}""";
    /** A body for calls refused before the people it names are looked at. */
    private static final String ANY_SERVICE = SERVICE.formatted("no-social-worker");

    /** A station at a new demonstration home of the district; answers {home, station}. */
    private String[] station(String name, String district) {
        String home = scenario.communityHome(name + "社区妇女儿童之家", district, "PROVINCIAL_DEMONSTRATION");
        Api.Response opened = api.post("hq", "/api/stations", """
                {"communityHomeId": "%s", "stationName": "%s家庭驿站", "openedAt": "%s"}"""
                .formatted(home, name, Scenario.OPENED_AT));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return new String[] {home, opened.id()};
    }

    private String record(String user, String station) {
        Api.Response recorded = api.post(user, "/api/stations/" + station + "/service-records",
                SERVICE.formatted(scenario.socialWorkerAt(station)));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        return recorded.id();
    }

    private Api.Response refer(String user, String station, String centre, String category) {
        return api.post(user, "/api/stations/" + station + "/referrals", """
                {"centre": "%s", "category": "%s", "summary": "家庭纠纷需要专业介入", "consentGiven": true,
                 "consentMethod": "WRITTEN"}""".formatted(centre, category));
    }

    @Test
    void aStationWorkerActsAtTheStationOfTheirHomeAndNowhereElse() {
        String[] xuanwu = station("梅园", "玄武区");
        String[] gulou = station("宁海", "鼓楼区");
        String worker = TestAccounts.at(xuanwu[0], Role.STATION_WORKER);

        String own = record(worker, xuanwu[1]);
        assertThat(api.post(worker, "/api/service-records/" + own + "/corrections", """
                {"changes": {"participantCount": 7}, "reason": "人数记错"}""").status()).isEqualTo(204);
        assertThat(api.post(worker, "/api/service-records/" + own + "/voiding", "{\"reason\": \"重复录入\"}")
                .status()).isEqualTo(204);
        assertThat(refer(worker, xuanwu[1], "RIGHTS_SERVICE_CENTRE", "LEGAL_AID").status()).isEqualTo(201);

        String elsewhere = record("admin", gulou[1]);
        refused(404, "STATION_UNKNOWN",
                () -> api.post(worker, "/api/stations/" + gulou[1] + "/service-records", ANY_SERVICE));
        refused(404, "NOT_FOUND", () -> api.post(worker, "/api/service-records/" + elsewhere
                + "/corrections", "{\"changes\": {\"participantCount\": 7}, \"reason\": \"人数记错\"}"));
        refused(404, "NOT_FOUND", () -> api.post(worker, "/api/service-records/" + elsewhere + "/voiding",
                "{\"reason\": \"重复录入\"}"));
        refused(404, "STATION_UNKNOWN",
                () -> refer(worker, gulou[1], "RIGHTS_SERVICE_CENTRE", "LEGAL_AID"));
        // Out of reach answers as unknown does: nothing tells that the 鼓楼区 station exists.
        Api.Response unknown = api.post(worker, "/api/stations/" + UUID.randomUUID() + "/service-records", ANY_SERVICE);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("STATION_UNKNOWN");
    }

    @Test
    void aBranchCentreOperatorActsInTheirDistrictOnly() {
        String[] xuanwu = station("锁金村", "玄武区");
        String[] gulou = station("挹江门", "鼓楼区");
        String gulouOperator = TestAccounts.at(scenario.branchCentre("鼓楼区"), Role.OPERATOR);

        refused(404, "NOT_FOUND", () -> api.post(gulouOperator, "/api/stations/" + xuanwu[1] + "/suspension",
                "{\"reason\": \"场地维修\"}"));
        assertThat(api.post(gulouOperator, "/api/stations/" + gulou[1] + "/suspension", "{\"reason\": \"场地维修\"}")
                .status()).isEqualTo(204);

        refused(422, "PARENT_UNKNOWN", () -> api.post(gulouOperator, "/api/units", """
                {"level": "COMMUNITY_HOME", "name": "新街口社区妇女儿童之家", "parentUnitId": "%s", "district": "玄武区",
                 "tier": "STANDARD"}""".formatted(scenario.branchCentre("玄武区"))));
        assertThat(api.post(gulouOperator, "/api/units", """
                {"level": "COMMUNITY_HOME", "name": "华侨路社区妇女儿童之家", "parentUnitId": "%s", "district": "鼓楼区",
                 "tier": "STANDARD"}""".formatted(scenario.branchCentre("鼓楼区"))).status()).isEqualTo(201);
        // What is the whole network's is the federation's and the headquarters'.
        refused(403, "FORBIDDEN", () -> api.post(gulouOperator, "/api/funds", """
                {"source": "SOCIAL_DONATION", "donor": "爱心企业", "amountFen": 100000,
                 "receivedAt": "2026-11-01T00:00:00Z"}"""));
    }

    @Test
    void centreStaffActOnlyOnTheirCentresReferralsWhateverOtherRolesTheyHold() {
        String[] station = station("后宰门", "玄武区");
        String toRights = refer("admin", station[1], "RIGHTS_SERVICE_CENTRE", "LEGAL_AID").id();
        String toDomestic = refer("admin", station[1], "DOMESTIC_SERVICE_CENTRE", "HOUSEKEEPING_PLACEMENT").id();
        String domesticAndMore = TestAccounts.centreStaff(CityCentre.DOMESTIC_SERVICE_CENTRE, Role.OPERATOR,
                Role.STATION_WORKER);

        refused(404, "NOT_FOUND", () -> api.post(domesticAndMore, "/api/referrals/" + toRights
                + "/acceptance", null));
        refused(404, "NOT_FOUND", () -> api.post(domesticAndMore, "/api/referrals/" + toRights
                + "/withdrawal", "{\"reason\": \"当事人撤回\"}"));
        assertThat(api.post(domesticAndMore, "/api/referrals/" + toDomestic + "/acceptance", null).status())
                .isEqualTo(204);
        // The demo account of the rights centre is bound to the reference scenario's centre.
        assertThat(api.post("rights-centre", "/api/referrals/" + toRights + "/acceptance", null).status())
                .isEqualTo(204);
    }

    @Test
    void anAccountWithoutRoleOrUnitHasNoAccess() {
        String[] station = station("玄武门", "玄武区");
        for (String nobody : new String[] {TestAccounts.at(station[0]), TestAccounts.withoutUnit(Role.STATION_WORKER),
                TestAccounts.at(UUID.randomUUID().toString(), Role.OPERATOR)}) {
            refused(403, "NO_ACCESS",
                    () -> api.post(nobody, "/api/stations/" + station[1] + "/service-records", ANY_SERVICE));
        }
    }

    @Test
    void auditorsWriteNothing() {
        String[] station = station("兰园", "玄武区");
        refused(403, "FORBIDDEN",
                () -> api.post("auditor", "/api/stations/" + station[1] + "/service-records", ANY_SERVICE));
        refused(403, "FORBIDDEN", () -> api.post("auditor", "/api/stations/" + station[1] + "/suspension",
                "{\"reason\": \"场地维修\"}"));
    }
}
