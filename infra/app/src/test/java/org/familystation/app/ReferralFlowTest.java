package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.TestAccounts;
import org.familystation.events.common.CityCentre;
import org.familystation.events.common.ReferenceScenario;
import org.familystation.platform.security.Role;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Referrals from a station to the city centres, end to end over HTTP on the real servers: the closed loop, who may
 * act on a referral, the acceptance deadline kept in PostgreSQL, refusals that write nothing, and the dashboard.
 * Each test uses a district of its own, so that the dashboard figures are this class's alone.
 */
class ReferralFlowTest extends ApplicationTest {

    private static final String SUMMARY = "当事人长期遭受家庭暴力，希望获得法律援助和人身安全保护令申请指导";

    private static String referral(String centre, String category) {
        return """
                {"centre": "%s", "category": "%s", "summary": "%s", "consentGiven": true, "consentMethod": "WRITTEN"}"""
                .formatted(centre, category, SUMMARY);
    }

    private String refer(String station, String centre, String category) {
        Api.Response response = api.post("worker", "/api/stations/" + station + "/referrals",
                referral(centre, category));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.id();
    }

    private JsonNode details(String user, String referral) {
        Api.Response response = api.get(user, "/api/referrals/" + referral);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private JsonNode awaitStatus(String referral, String status) {
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/referrals/" + referral)
                .body().path("status").asText()).isEqualTo(status));
        return details("auditor", referral);
    }

    /** A refusal ({@link #refused}) that set no deadline either. */
    private void refusedNoDeadline(int status, String code, Supplier<Api.Response> request) {
        long deadlinesBefore = count("deadline_schedule");
        refused(status, code, request);
        assertThat(count("deadline_schedule")).as("deadlines set by a refused request").isEqualTo(deadlinesBefore);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    @Test
    void worksACaseFromReferralToClosure() {
        String station = scenario.openStation("锁金村家庭驿站", "玄武区");
        Api.Response referred = api.post("worker", "/api/stations/" + station + "/referrals",
                referral("RIGHTS_SERVICE_CENTRE", "DOMESTIC_VIOLENCE_PROTECTION"));
        assertThat(referred.status()).as(referred.toString()).isEqualTo(201);
        String id = referred.id();
        assertThat(referred.headers().getLocation()).hasToString("/api/referrals/" + id);

        JsonNode waiting = awaitStatus(id, "REFERRED");
        assertThat(waiting.path("stationName").asText()).isEqualTo("锁金村家庭驿站");
        assertThat(waiting.path("district").asText()).isEqualTo("玄武区");
        assertThat(waiting.path("centreLabel").asText()).isEqualTo("妇女维权服务中心");
        assertThat(waiting.path("categoryName").asText()).isEqualTo("反家庭暴力保护");
        assertThat(waiting.path("summary").asText()).isEqualTo(SUMMARY);
        assertThat(waiting.path("consentMethod").asText()).isEqualTo("WRITTEN");
        assertThat(waiting.path("overdue").asBoolean()).isFalse();
        assertThat(Duration.between(Instant.parse(waiting.path("referredAt").asText()),
                Instant.parse(waiting.path("acceptanceDueBy").asText()))).isEqualTo(Duration.ofDays(3));

        String path = "/api/referrals/" + id;
        noContent(api.post("rights-centre", path + "/acceptance", null));
        noContent(api.post("rights-centre", path + "/work", null));
        noContent(api.post("rights-centre", path + "/resolution",
                "{\"outcome\": \"已协助申请人身安全保护令，法院已签发\"}"));
        noContent(api.post("rights-centre", path + "/closure", null));

        JsonNode closed = awaitStatus(id, "CLOSED");
        assertThat(closed.path("statusLabel").asText()).isEqualTo("已结案");
        assertThat(closed.path("outcome").asText()).isEqualTo("已协助申请人身安全保护令，法院已签发");
        for (String date : List.of("referredAt", "acceptedAt", "workStartedAt", "resolvedAt", "closedAt")) {
            assertThat(closed.path(date).isTextual()).as(date).isTrue();
        }
        assertThat(closed.path("declinedAt").isMissingNode()).isTrue();

        // The list shows where the referral stands, but not the case itself.
        String home = api.get("auditor", "/api/stations/" + station).body().path("communityHomeId").asText();
        String worker = TestAccounts.bind("worker-" + home, home, Role.STATION_WORKER, null);
        JsonNode rows = api.get(worker, "/api/referrals?stationId=" + station).body().path("items");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("status").asText()).isEqualTo("CLOSED");
        assertThat(rows.get(0).has("summary")).isFalse();
        assertThat(rows.get(0).has("outcome")).isFalse();

        // The history is the record: who did what, with the case summary — for the federation and auditors only.
        JsonNode history = api.get("auditor", "/api/history/referrals/" + id).body();
        assertThat(history.findValuesAsText("type")).containsExactly("CaseReferred", "ReferralAccepted",
                "ReferralWorkStarted", "ReferralResolved", "ReferralClosed");
        assertThat(history.get(0).path("metadata").path("userId").asText()).isEqualTo("worker");
        assertThat(history.get(1).path("metadata").path("userId").asText()).isEqualTo("rights-centre");
        assertThat(history.get(1).path("metadata").path("unitId").asText()).isEqualTo(
                ReferenceScenario.cityCentreId(CityCentre.RIGHTS_SERVICE_CENTRE));
        assertThat(api.get("worker", "/api/history/referrals/" + id).status()).isEqualTo(403);
    }

    @Test
    void aCentreDeclinesWithAReasonAndAStationWithdrawsBeforeResolution() {
        String station = scenario.openStation("迈皋桥家庭驿站", "栖霞区");
        String declined = refer(station, "SOCIAL_ORGANISATION_CENTRE", "COMMUNITY_PROJECT");
        String withdrawn = refer(station, "DOMESTIC_SERVICE_CENTRE", "HOUSEKEEPING_PLACEMENT");

        noContent(api.post("social-org-centre", "/api/referrals/" + declined + "/decline",
                "{\"reason\": \"本季度社区公益项目名额已满，建议下季度再申请\"}"));
        noContent(api.post("domestic-centre", "/api/referrals/" + withdrawn + "/acceptance", null));
        noContent(api.post("worker", "/api/referrals/" + withdrawn + "/withdrawal",
                "{\"reason\": \"当事人已自行找到工作\"}"));

        assertThat(awaitStatus(declined, "DECLINED").path("declineReason").asText())
                .isEqualTo("本季度社区公益项目名额已满，建议下季度再申请");
        JsonNode gone = awaitStatus(withdrawn, "WITHDRAWN");
        assertThat(gone.path("withdrawalReason").asText()).isEqualTo("当事人已自行找到工作");
        assertThat(gone.path("acceptedAt").isTextual()).isTrue();

        assertThat(api.get("auditor", "/api/referrals?district=栖霞区&centre=SOCIAL_ORGANISATION_CENTRE"
                + "&status=DECLINED").body().path("items").findValuesAsText("referralId")).containsExactly(declined);
        assertThat(api.get("auditor", "/api/referrals?district=栖霞区&status=WITHDRAWN").body().path("items")
                .findValuesAsText("referralId")).containsExactly(withdrawn);
        assertThat(api.get("auditor", "/api/referrals?district=栖霞区&overdue=false").body().path("total").asLong())
                .isEqualTo(2);
    }

    @Test
    void onlyStaffOfTheCentreReferredToActOnAReferralOrReadIt() {
        String station = scenario.openStation("月牙湖家庭驿站", "秦淮区");
        String id = refer(station, "RIGHTS_SERVICE_CENTRE", "LEGAL_AID");
        String path = "/api/referrals/" + id;

        // Another centre's referral answers as an unknown one does (docs/design/scope-rules.md: no existence oracle).
        refusedNoDeadline(404, "NOT_FOUND", () -> api.post("domestic-centre", path + "/acceptance", null));
        refusedNoDeadline(404, "NOT_FOUND", () -> api.post("social-org-centre", path + "/decline",
                "{\"reason\": \"不受理\"}"));
        // Roles: stations do not answer referrals, centres do not make or withdraw them.
        refusedNoDeadline(403, "FORBIDDEN", () -> api.post("worker", path + "/acceptance", null));
        refusedNoDeadline(403, "FORBIDDEN", () -> api.post("auditor", path + "/acceptance", null));
        refusedNoDeadline(403, "FORBIDDEN", () -> api.post("rights-centre", "/api/stations/" + station + "/referrals",
                referral("RIGHTS_SERVICE_CENTRE", "LEGAL_AID")));
        refusedNoDeadline(403, "FORBIDDEN", () ->
                api.post("rights-centre", path + "/withdrawal", "{\"reason\": \"撤回\"}"));

        // Reading, centre staff stand at a city centre unit; they read the referrals addressed to their centre.
        String cityCentre = scenario.establish("CITY_CENTRE", "妇女维权服务中心", scenario.headquarters(), null, null);
        String rightsStaff = TestAccounts.bind("rights-" + cityCentre, cityCentre, Role.CENTRE_STAFF,
                "RIGHTS_SERVICE_CENTRE");
        String domesticStaff = TestAccounts.bind("domestic-" + cityCentre, cityCentre, Role.CENTRE_STAFF,
                "DOMESTIC_SERVICE_CENTRE");
        Eventually.assertThat(() -> assertThat(api.get(rightsStaff, path).status()).isEqualTo(200));
        Api.Response otherCentre = api.get(domesticStaff, path);
        // Another centre's referral is out of reach: as unknown.
        assertThat(otherCentre.status()).as(otherCentre.toString()).isEqualTo(404);
        assertThat(otherCentre.code()).isEqualTo("REFERRAL_NOT_FOUND");
        assertThat(otherCentre.body().has("summary")).isFalse();

        // The federation's administrators may act for any centre.
        noContent(api.post("admin", path + "/acceptance", null));
        assertThat(awaitStatus(id, "ACCEPTED").path("acceptedAt").isTextual()).isTrue();
    }

    @Test
    void refusedRequestsWriteNothing() {
        String station = scenario.openStation("泰山家庭驿站", "浦口区");
        String stationPath = "/api/stations/" + station + "/referrals";
        refusedNoDeadline(422, "CONSENT_REQUIRED", () -> api.post("worker", stationPath, """
                {"centre": "RIGHTS_SERVICE_CENTRE", "category": "LEGAL_AID", "summary": "%s",
                 "consentGiven": false, "consentMethod": "VERBAL"}""".formatted(SUMMARY)));
        refusedNoDeadline(422, "CONSENT_REQUIRED", () -> api.post("worker", stationPath, """
                {"centre": "RIGHTS_SERVICE_CENTRE", "category": "LEGAL_AID", "summary": "%s"}""".formatted(SUMMARY)));
        refusedNoDeadline(400, "CONSENT_METHOD_UNKNOWN", () -> api.post("worker", stationPath, """
                {"centre": "RIGHTS_SERVICE_CENTRE", "category": "LEGAL_AID", "summary": "%s",
                 "consentGiven": true, "consentMethod": "WECHAT"}""".formatted(SUMMARY)));
        refusedNoDeadline(400, "CENTRE_UNKNOWN", () ->
                api.post("worker", stationPath, referral("LAW_FIRM", "LEGAL_AID")));
        refusedNoDeadline(400, "CATEGORY_UNKNOWN", () -> api.post("worker", stationPath,
                referral("RIGHTS_SERVICE_CENTRE", "KARAOKE")));
        refusedNoDeadline(400, "CATEGORY_NOT_OFFERED_BY_CENTRE", () -> api.post("worker", stationPath,
                referral("RIGHTS_SERVICE_CENTRE", "HOUSEKEEPING_PLACEMENT")));
        refusedNoDeadline(400, "SUMMARY_INVALID", () -> api.post("worker", stationPath, """
                {"centre": "RIGHTS_SERVICE_CENTRE", "category": "LEGAL_AID", "summary": "  ",
                 "consentGiven": true, "consentMethod": "WRITTEN"}"""));
        refusedNoDeadline(404, "STATION_UNKNOWN", () -> api.post("worker", "/api/stations/" + UUID.randomUUID()
                + "/referrals", referral("RIGHTS_SERVICE_CENTRE", "LEGAL_AID")));
        refusedNoDeadline(400, "ID_INVALID", () -> api.post("worker", stationPath,
                "{\"referralId\": \"referral-1\"," + referral("RIGHTS_SERVICE_CENTRE", "LEGAL_AID").substring(1)));

        String chosen = UUID.randomUUID().toString();
        String withId = "{\"referralId\": \"" + chosen + "\"," + referral("RIGHTS_SERVICE_CENTRE", "LEGAL_AID")
                .substring(1);
        assertThat(api.post("worker", stationPath, withId).status()).isEqualTo(201);
        refusedNoDeadline(409, "ID_ALREADY_USED", () -> api.post("worker", stationPath, withId));

        String path = "/api/referrals/" + chosen;
        refusedNoDeadline(400, "REASON_REQUIRED", () -> api.post("rights-centre", path + "/decline", "{}"));
        refusedNoDeadline(409, "REFERRAL_NOT_ACCEPTED", () -> api.post("rights-centre", path + "/work", null));
        refusedNoDeadline(409, "REFERRAL_NOT_IN_PROGRESS", () -> api.post("rights-centre", path + "/resolution",
                "{\"outcome\": \"已办结\"}"));
        refusedNoDeadline(409, "REFERRAL_NOT_RESOLVED", () -> api.post("rights-centre", path + "/closure", null));
        refusedNoDeadline(400, "REASON_REQUIRED", () -> api.post("worker", path + "/withdrawal", "{\"reason\": \"\"}"));
        noContent(api.post("rights-centre", path + "/acceptance", null));
        refusedNoDeadline(409, "REFERRAL_NOT_AWAITING_ACCEPTANCE", () ->
                api.post("rights-centre", path + "/acceptance", null));
        noContent(api.post("rights-centre", path + "/work", null));
        refusedNoDeadline(400, "OUTCOME_REQUIRED", () -> api.post("rights-centre", path + "/resolution", "{}"));
        noContent(api.post("rights-centre", path + "/resolution", "{\"outcome\": \"已提供法律咨询\"}"));
        refusedNoDeadline(409, "REFERRAL_NOT_WITHDRAWABLE", () -> api.post("worker", path + "/withdrawal",
                "{\"reason\": \"当事人不再需要\"}"));

        String unknown = UUID.randomUUID().toString();
        refusedNoDeadline(404, "NOT_FOUND", () ->
                api.post("rights-centre", "/api/referrals/" + unknown + "/acceptance", null));
        refusedNoDeadline(404, "REFERRAL_NOT_FOUND", () -> api.get("auditor", "/api/referrals/" + unknown));
        refusedNoDeadline(400, "INVALID_PARAMETER", () -> api.get("auditor", "/api/referrals?centre=LAW_FIRM"));
        refusedNoDeadline(400, "INVALID_PARAMETER", () -> api.get("auditor", "/api/referrals?status=LOST"));
        refusedNoDeadline(400, "PERIOD_INVALID", () -> api.get("auditor",
                "/api/dashboard/referrals?from=2026-11-02&to=2026-11-01"));
    }

    /**
     * The deadline is a row in PostgreSQL from the moment the referral is made, so it survives restarts. Moving
     * its time to now stands in for waiting three days: the scheduler runs it, the referral flags itself overdue.
     */
    @Test
    void flagsAReferralNotAcceptedInTimeFromItsPersistedDeadline() {
        String station = scenario.openStation("赛虹桥家庭驿站", "雨花台区");
        String late = refer(station, "DOMESTIC_SERVICE_CENTRE", "EMPLOYMENT");
        JsonNode waiting = awaitStatus(late, "REFERRED");
        String deadlineOf = "FROM deadline_schedule WHERE position(convert_to(?, 'UTF8') IN task_data) > 0";
        assertThat(jdbc.queryForObject("SELECT execution_time " + deadlineOf, Instant.class, late))
                .isEqualTo(Instant.parse(waiting.path("acceptanceDueBy").asText()));

        assertThat(jdbc.update("UPDATE deadline_schedule SET execution_time = now()"
                + " WHERE position(convert_to(?, 'UTF8') IN task_data) > 0", late)).isEqualTo(1);

        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/referrals/" + late).body()
                .path("overdue").asBoolean()).isTrue());
        JsonNode flagged = details("auditor", late);
        assertThat(flagged.path("status").asText()).isEqualTo("REFERRED");
        assertThat(flagged.path("flaggedOverdueAt").isTextual()).isTrue();
        Eventually.assertThat(() -> assertThat(jdbc.queryForObject("SELECT count(*) " + deadlineOf, Long.class, late))
                .as("a deadline that ran is gone").isZero());
        JsonNode history = api.get("auditor", "/api/history/referrals/" + late).body();
        assertThat(history.findValuesAsText("type")).containsExactly("CaseReferred", "ReferralAcceptanceOverdue");
        JsonNode flag = history.get(1).path("metadata");
        assertThat(flag.path("userId").asText()).as("raised by the system").isEqualTo("system");
        assertThat(flag.has("unitId")).isFalse();
        assertThat(flag.path("correlationId").asText()).as("linked to the referral's request")
                .isEqualTo(history.get(0).path("metadata").path("correlationId").asText());
        assertThat(api.get("auditor", "/api/referrals?stationId=" + station + "&overdue=true").body()
                .path("items").findValuesAsText("referralId")).containsExactly(late);

        // Late is not too late: the centre may still take the case, and it stays counted as overdue.
        noContent(api.post("domestic-centre", "/api/referrals/" + late + "/acceptance", null));
        assertThat(awaitStatus(late, "ACCEPTED").path("overdue").asBoolean()).isTrue();
    }

    @Test
    void theDashboardAnswersPerCentreForADistrictAndPeriod() {
        String district = "六合区";
        String station = scenario.openStation("雄州家庭驿站", district);
        String closed = refer(station, "RIGHTS_SERVICE_CENTRE", "LEGAL_AID");
        String accepted = refer(station, "RIGHTS_SERVICE_CENTRE", "PSYCHOLOGICAL_SUPPORT");
        String waiting = refer(station, "RIGHTS_SERVICE_CENTRE", "DOMESTIC_VIOLENCE_PROTECTION");
        String declined = refer(station, "DOMESTIC_SERVICE_CENTRE", "HOUSEKEEPING_TRAINING");
        for (String step : List.of("acceptance", "work", "resolution", "closure")) {
            noContent(api.post("rights-centre", "/api/referrals/" + closed + "/" + step,
                    step.equals("resolution") ? "{\"outcome\": \"已提供法律援助\"}" : null));
        }
        noContent(api.post("rights-centre", "/api/referrals/" + accepted + "/acceptance", null));
        noContent(api.post("domestic-centre", "/api/referrals/" + declined + "/decline",
                "{\"reason\": \"培训班已满\"}"));
        awaitStatus(closed, "CLOSED");
        awaitStatus(accepted, "ACCEPTED");
        awaitStatus(waiting, "REFERRED");
        awaitStatus(declined, "DECLINED");

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonNode dashboard = api.get("auditor", "/api/dashboard/referrals?district=" + district
                + "&from=" + today + "&to=" + today).body();
        assertThat(dashboard.path("centres").findValuesAsText("centre")).containsExactly(
                "DOMESTIC_SERVICE_CENTRE", "RIGHTS_SERVICE_CENTRE", "SOCIAL_ORGANISATION_CENTRE");
        JsonNode rights = dashboard.path("centres").get(1);
        assertThat(rights.path("label").asText()).isEqualTo("妇女维权服务中心");
        assertThat(rights.path("referred").asLong()).isEqualTo(3);
        assertThat(rights.path("byStatus").path("REFERRED").asLong()).isEqualTo(1);
        assertThat(rights.path("byStatus").path("ACCEPTED").asLong()).isEqualTo(1);
        assertThat(rights.path("byStatus").path("CLOSED").asLong()).isEqualTo(1);
        assertThat(rights.path("byStatus").path("DECLINED").asLong()).isZero();
        assertThat(rights.path("open").path("total").asLong()).isEqualTo(2);
        assertThat(rights.path("open").path("underOneDay").asLong()).isEqualTo(2);
        assertThat(rights.path("overdue").asLong()).isZero();
        assertThat(rights.path("hoursToAccept").path("count").asLong()).isEqualTo(2);
        assertThat(rights.path("hoursToAccept").path("median").asDouble()).isBetween(0.0, 0.1);
        assertThat(rights.path("hoursToResolve").path("count").asLong()).isEqualTo(1);
        assertThat(rights.path("closed").asLong()).isEqualTo(1);
        assertThat(rights.path("closureRate").asDouble()).isEqualTo(0.333);
        JsonNode domestic = dashboard.path("centres").get(0);
        assertThat(domestic.path("referred").asLong()).isEqualTo(1);
        assertThat(domestic.path("byStatus").path("DECLINED").asLong()).isEqualTo(1);
        assertThat(domestic.path("open").path("total").asLong()).isZero();
        assertThat(domestic.path("closureRate").asDouble()).isZero();
        JsonNode social = dashboard.path("centres").get(2);
        assertThat(social.path("referred").asLong()).isZero();
        assertThat(social.path("closureRate").isMissingNode()).isTrue();

        // An earlier period has none of them; another district neither.
        String yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        JsonNode before = api.get("auditor", "/api/dashboard/referrals?district=" + district + "&to=" + yesterday)
                .body();
        assertThat(before.path("centres").findValuesAsText("referred")).containsOnly("0");
        JsonNode elsewhere = api.get("auditor", "/api/dashboard/referrals?district=高淳区").body();
        assertThat(elsewhere.path("centres").findValuesAsText("referred")).containsOnly("0");
    }
}
