package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.Scenario;
import org.familystation.app.support.TestAccounts;
import org.familystation.platform.security.Role;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading within reach (docs/design/scope-rules.md, "Reading"): two branch centres of different districts and a worker at one
 * home see only their own stations' data in lists, search, dashboards and history; one entity out of reach is
 * unknown (404).
 */
class ScopedReadsTest extends ApplicationTest {

    @Test
    void everyoneReadsOnlyWhatIsInTheirReach() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // Branch centres of this test alone, so that totals count only what it made.
        String districtA = "建邺区";
        String districtB = "雨花台区";
        String unitA = branch(districtA, run);
        String unitB = branch(districtB, run);
        String stationA1 = station(unitA, "甲一" + run);
        String stationA2 = station(unitA, "甲二" + run);
        String stationB = station(unitB, "乙一" + run);
        String homeA1 = home(stationA1);
        String branchA = TestAccounts.bind("branch-a-" + run, unitA, Role.OPERATOR, null);
        String branchB = TestAccounts.bind("branch-b-" + run, unitB, Role.AUDITOR, null);
        String workerA1 = TestAccounts.bind("worker-a1-" + run, homeA1, Role.STATION_WORKER, null);

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
            // Each record's own projection, before reading them one by one below.
            assertThat(api.get("admin", "/api/service-records/" + recordA1).status()).isEqualTo(200);
            assertThat(api.get("admin", "/api/service-records/" + recordB).status()).isEqualTo(200);
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

        // Audit trail (auditors), its export, as-of and evaluations.
        Eventually.assertThat(() -> assertThat(total(branchB, "/api/audit/events?aggregateId=" + stationB))
                .isPositive());
        assertThat(total(branchB, "/api/audit/events?aggregateId=" + stationA1)).isZero();
        assertThat(total("auditor", "/api/audit/events?aggregateId=" + stationA1)).isPositive();
        Api.Response csv = api.get(branchB, "/api/audit/events.csv?from=2000-01-01");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().asText()).contains(stationB).doesNotContain(stationA1).doesNotContain(recordA1);
        assertThat(api.get(branchB, "/api/as-of").body().path("stations").findValuesAsText("stationId"))
                .containsExactly(stationB);
        assertThat(api.get(branchB, "/api/as-of").body().path("funds").path("funds")).isEmpty();
        JsonNode evaluation = api.get(branchA, "/api/evaluations?from=2026-03-01&to=2026-03-31&compare=none")
                .body().path("figures");
        assertThat(evaluation.path("stations").path("active").asLong()).isEqualTo(2);
        assertThat(evaluation.path("services").path("beneficiaries").asLong()).isEqualTo(30);
        assertThat(evaluation.path("funding").path("receivedFen").isNumber()).isFalse();
    }

    @Test
    void surveysReferralsPeopleAndMoneyAreReadWithinReach() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String unitA = branch("溧水区", run);
        String stationA = station(unitA, "丙一" + run);
        String stationB = station(branch("江宁区", run), "丁一" + run);
        String homeA = home(stationA);
        String homeB = home(stationB);
        String branchA = TestAccounts.bind("branch-c-" + run, unitA, Role.OPERATOR, null);
        String workerB = TestAccounts.bind("worker-d-" + run, homeB, Role.STATION_WORKER, null);

        // Needs surveys: detail, a home's list, search, dashboard.
        String word = "调研" + run;
        String surveyA = created(api.post("worker", "/api/units/" + homeA + "/needs-surveys", survey(word, 40)));
        String surveyB = created(api.post("worker", "/api/units/" + homeB + "/needs-surveys", survey(word, 7)));
        Eventually.assertThat(() -> {
            assertThat(total(branchA, "/api/needs-surveys/search?q=" + word)).isEqualTo(1);
            assertThat(total(workerB, "/api/needs-surveys/search?q=" + word)).isEqualTo(1);
            assertThat(total("admin", "/api/needs-surveys/search?q=" + word)).isEqualTo(2);
            assertThat(api.get(workerB, "/api/dashboard/needs").body().path("respondents").asLong()).isEqualTo(7);
            assertThat(api.get(branchA, "/api/dashboard/needs").body().path("respondents").asLong()).isEqualTo(40);
        });
        notFound(workerB, "/api/needs-surveys/" + surveyA, "NEEDS_SURVEY_NOT_FOUND");
        assertThat(api.get(workerB, "/api/needs-surveys/" + surveyB).status()).isEqualTo(200);
        assertThat(total(workerB, "/api/units/" + homeA + "/needs-surveys")).isZero();

        // Referrals: the station side reads its own; the dashboard counts them.
        String referralB = created(api.post("worker", "/api/stations/" + stationB + "/referrals", """
                {"centre": "RIGHTS_SERVICE_CENTRE", "category": "LEGAL_AID", "summary": "当事人需要法律援助",
                 "consentGiven": true, "consentMethod": "WRITTEN"}"""));
        Eventually.assertThat(() -> assertThat(total(workerB, "/api/referrals?stationId=" + stationB)).isEqualTo(1));
        assertThat(total(branchA, "/api/referrals?stationId=" + stationB)).isZero();
        notFound(branchA, "/api/referrals/" + referralB, "REFERRAL_NOT_FOUND");
        assertThat(api.get(workerB, "/api/referrals/" + referralB).body().path("summary").asText())
                .isEqualTo("当事人需要法律援助");
        assertThat(api.get(branchA, "/api/dashboard/referrals").body().toString()).doesNotContain(stationB);

        // People: a social worker at station A, a volunteer of home B.
        String socialWorker = created(api.post("hq", "/api/social-workers", """
                {"name": "社工%s", "qualification": "SOCIAL_WORKER", "headquartersId": "%s"}"""
                .formatted(run, scenario.headquarters())));
        assertThat(api.post("hq", "/api/social-workers/" + socialWorker + "/assignment",
                "{\"stationId\": \"" + stationA + "\"}").status()).isEqualTo(204);
        String volunteer = created(api.post("hq", "/api/volunteers", """
                {"name": "志愿者%s", "volunteerNumber": "SC-%s", "homeUnitId": "%s"}"""
                .formatted(run, run.toUpperCase(Locale.ROOT), homeB)));
        Eventually.assertThat(() -> {
            assertThat(api.get(branchA, "/api/stations/" + stationA + "/social-workers").body()).hasSize(1);
            assertThat(api.get(workerB, "/api/volunteers/" + volunteer).status()).isEqualTo(200);
        });
        notFound(workerB, "/api/social-workers/" + socialWorker, "SOCIAL_WORKER_NOT_FOUND");
        assertThat(api.get(workerB, "/api/stations/" + stationA + "/social-workers").body()).isEmpty();
        notFound(branchA, "/api/volunteers/" + volunteer, "VOLUNTEER_NOT_FOUND");
        assertThat(total(branchA, "/api/volunteers?name=" + run)).isZero();

        // Money: an allocation to station A is read with the station; funds are the whole network's.
        String fund = created(api.post("hq", "/api/funds", """
                {"source": "SOCIAL_DONATION", "donor": "爱心企业%s", "amountFen": 1000000,
                 "receivedAt": "2026-02-01T10:00:00+08:00"}""".formatted(run)));
        String allocation = created(api.post("hq", "/api/funds/" + fund + "/allocations",
                "{\"stationId\": \"%s\", \"amountFen\": 400000}".formatted(stationA)));
        Eventually.assertThat(() -> assertThat(api.get(branchA, "/api/stations/" + stationA + "/funding").body()
                .path("allocatedFen").asLong()).isEqualTo(400000));
        notFound(workerB, "/api/stations/" + stationA + "/funding", "STATION_NOT_FOUND");
        notFound(workerB, "/api/funds/" + fund + "/allocations/" + allocation, "ALLOCATION_NOT_FOUND");
        notFound(branchA, "/api/funds/" + fund, "FUND_NOT_FOUND");
        assertThat(api.get(branchA, "/api/funds/" + fund + "/allocations/" + allocation).status()).isEqualTo(200);
        assertThat(api.get(branchA, "/api/dashboard/funding").body().path("allocatedFen").asLong())
                .isEqualTo(400000);
        assertThat(api.get(workerB, "/api/dashboard/funding").body().path("allocatedFen").asLong()).isZero();
    }

    private static String survey(String text, int respondents) {
        return """
                {"surveyedOn": "2026-04-02", "channel": "COMMUNITY_VISIT", "respondentCount": %d,
                 "needs": [{"categoryCode": "HOUSEKEEPING", "count": 5}], "freeText": "%s希望开设家政培训"}"""
                .formatted(respondents, text);
    }

    @Test
    void anAccountWithoutAUnitHasNoAccess() {
        scenario.headquarters();
        String nowhere = TestAccounts.bind("nowhere", UUID.randomUUID().toString(), Role.AUDITOR, null);
        Api.Response refused = api.get(nowhere, "/api/stations");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("NO_ACCESS");
        assertThat(api.get(nowhere, "/api/service-records/search?q=x").code()).isEqualTo("NO_ACCESS");
        assertThat(api.get(nowhere, "/api/dashboard/summary").code()).isEqualTo("NO_ACCESS");
    }

    /** A district's branch centre of the test's own (the district may have others). */
    private String branch(String district, String run) {
        return scenario.establish("BRANCH_CENTRE", district + "分中心" + run, scenario.headquarters(), district, null);
    }

    /** A station at a new home under the branch. */
    private String station(String branch, String name) {
        String home = scenario.establish("COMMUNITY_HOME", name + "妇女儿童之家", branch, null,
                "PROVINCIAL_DEMONSTRATION");
        return created(api.post("hq", "/api/stations", """
                {"communityHomeId": "%s", "stationName": "%s家庭驿站", "openedAt": "%s"}"""
                .formatted(home, name, Scenario.OPENED_AT)));
    }

    private String home(String stationId) {
        StringBuilder home = new StringBuilder();
        Eventually.assertThat(() -> {
            Api.Response station = api.get("admin", "/api/stations/" + stationId);
            assertThat(station.status()).isEqualTo(200);
            home.append(station.body().path("communityHomeId").asText());
        });
        return home.toString();
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
