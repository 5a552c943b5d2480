package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An alliance member's life after admission, over HTTP on the real servers: new convention versions and the
 * automatic suspension of members that do not sign in time, suspension, reinstatement, expulsion and the ban on
 * re-applying, withdrawal, and offerings, which services by members need and which go when their member goes.
 * <p>
 * Conventions are published for the domestic-service alliance only, whose members other tests admit through
 * {@link Scenario} (signing the current version); the public-welfare alliance keeps its configured "2014-1".
 */
class AllianceLifecycleTest extends ApplicationTest {

    private static final String DOMESTIC = "DOMESTIC_SERVICE";
    private static final String WELFARE = "PUBLIC_WELFARE";
    private static final String NOT_SIGNED_IN_TIME = "未在宽限期内签署新版联盟公约";

    private JsonNode member(String memberId) {
        return api.get("auditor", "/api/alliance-members/" + memberId).body();
    }

    private void awaitStatus(String memberId, String status) {
        Eventually.assertThat(() -> assertThat(member(memberId).path("status").asText()).isEqualTo(status));
    }

    private static String reason(String reason) {
        return "{\"reason\": \"" + reason + "\"}";
    }

    private Api.Response publish(String alliance, String version, String gracePeriod) {
        return api.post("hq", "/api/alliances/" + alliance + "/conventions", """
                {"conventionVersion": "%s", "gracePeriod": "%s", "summary": "增加服务质量承诺与投诉处理条款"}"""
                .formatted(version, gracePeriod));
    }

    private Api.Response sign(String memberId, String version) {
        return api.post("hq", "/api/alliance-members/" + memberId + "/convention-signature",
                "{\"conventionVersion\": \"" + version + "\", \"signatory\": \"负责人\"}");
    }

    private Api.Response record(String stationId, String projectCode, String memberId) {
        return api.post("worker", "/api/stations/" + stationId + "/service-records", """
                {"stationPoint": "EMOTIONAL", "projectCode": "%s", "providerKind": "ALLIANCE_MEMBER",
                 "providerMemberId": "%s", "deliveredAt": "2026-11-10T02:00:00Z", "participantCount": 6,
                 "description": "法律咨询与心理疏导", "satisfaction": 5}""".formatted(projectCode, memberId));
    }

    private List<JsonNode> offeringsOf(String memberId) {
        JsonNode page = api.get("auditor", "/api/offerings?memberId=" + memberId + "&size=100").body();
        return iterable(page.path("items"));
    }

    private static List<JsonNode> iterable(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /**
     * Suspensions, expulsions and withdrawals take their members' offerings away asynchronously (a saga); waits
     * until that is done everywhere, so that no later check of "a refused request writes nothing" sees it.
     */
    private void awaitOfferingsOfDepartedMembersWithdrawn() {
        Eventually.assertThat(() -> assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM cmd_offering o JOIN cmd_alliance_member m ON m.member_id = o.member_id
                WHERE o.active AND m.status <> 'ADMITTED'""", Long.class)).isZero());
    }

    @Test
    void aNewConventionVersionMustBeSignedWithinItsGracePeriodOrTheMemberIsSuspended() {
        String signer = scenario.admittedMember(DOMESTIC, "六一早教");
        String laggard = scenario.admittedMember(DOMESTIC, "畅游体育");
        String previous = scenario.currentConvention(DOMESTIC);
        String version = "2026-" + UUID.randomUUID().toString().substring(0, 8);

        Api.Response published = publish(DOMESTIC, version, "PT8S");
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        assertThat(published.headers().getLocation()).hasToString("/api/alliances/DOMESTIC_SERVICE/conventions");
        noContent(sign(signer, version));

        Eventually.assertThat(() -> assertThat(scenario.currentConvention(DOMESTIC)).isEqualTo(version));
        JsonNode conventions = api.get("auditor", "/api/alliances/DOMESTIC_SERVICE/conventions").body();
        assertThat(conventions.path("allianceLabel").asText()).isEqualTo("家政服务品牌联盟");
        JsonNode latest = conventions.path("versions").get(0);
        assertThat(latest.path("conventionVersion").asText()).isEqualTo(version);
        assertThat(latest.path("current").asBoolean()).isTrue();
        assertThat(latest.path("supersededVersion").asText()).isEqualTo(previous);
        assertThat(latest.path("gracePeriod").asText()).isEqualTo("PT8S");
        assertThat(Duration.between(Instant.parse(latest.path("publishedAt").asText()),
                Instant.parse(latest.path("signatureDueBy").asText()))).isEqualTo(Duration.ofSeconds(8));
        assertThat(iterable(conventions.path("versions"))).extracting(node -> node.path("conventionVersion").asText())
                .contains(previous, version);
        // The laggard's admission may still be on its way to the read model.
        Eventually.assertThat(() -> {
            JsonNode owing = member(laggard);
            assertThat(owing.path("conventionOwed").path("conventionVersion").asText()).isEqualTo(version);
            assertThat(owing.path("conventionOwed").path("signatureDueBy").asText())
                    .isEqualTo(latest.path("signatureDueBy").asText());
        });

        // The laggard misses the deadline and is suspended automatically; the signer is not.
        Eventually.assertThat(() -> assertThat(member(laggard).path("suspensionReason").asText())
                .isEqualTo(NOT_SIGNED_IN_TIME));
        assertThat(member(laggard).path("status").asText()).isEqualTo("SUSPENDED");
        JsonNode signed = member(signer);
        assertThat(signed.path("status").asText()).isEqualTo("ADMITTED");
        assertThat(signed.path("conventionVersion").asText()).isEqualTo(version);
        assertThat(signed.has("conventionOwed")).isFalse();
        List<String> history = api.get("auditor", "/api/history/alliance-members/" + laggard).body()
                .findValuesAsText("type");
        assertThat(history).endsWith("AllianceMemberSuspended");
        assertThat(api.get("auditor", "/api/history/alliance-conventions/DOMESTIC_SERVICE").body()
                .findValuesAsText("type")).contains("AllianceConventionPublished");
        // Every other admitted member of the alliance that did not sign (admitted by other tests) went the same way.
        Eventually.assertThat(() -> assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM cmd_alliance_member WHERE alliance = 'DOMESTIC_SERVICE' AND status = 'ADMITTED'
                  AND signed_convention_version IS DISTINCT FROM ?""", Long.class, version)).isZero());
        awaitOfferingsOfDepartedMembersWithdrawn();

        // It is reinstated once it has signed the current version, not before.
        refused(422, "CONVENTION_NOT_SIGNED", () -> api.post("hq",
                "/api/alliance-members/" + laggard + "/reinstatement", reason("已整改")));
        noContent(sign(laggard, version));
        noContent(api.post("hq", "/api/alliance-members/" + laggard + "/reinstatement", reason("已签署新版公约")));
        awaitStatus(laggard, "ADMITTED");
        assertThat(member(laggard).path("reinstatementReason").asText()).isEqualTo("已签署新版公约");
        assertThat(member(laggard).has("conventionOwed")).isFalse();

        // An applicant that signed only the superseded version is not admitted.
        String applicant = api.post("hq", "/api/alliance-applications", """
                {"alliance": "DOMESTIC_SERVICE", "organisationName": "一家人物业保洁", "organisationType": "ENTERPRISE",
                 "creditCode": "%s"}""".formatted(Scenario.newCreditCode())).id();
        noContent(api.post("hq", "/api/alliance-members/" + applicant + "/review", "{\"decision\": \"APPROVE\"}"));
        noContent(sign(applicant, previous));
        refused(422, "CONVENTION_NOT_SIGNED", () -> api.post("hq",
                "/api/alliance-members/" + applicant + "/admission", null));
    }

    @Test
    void publishingIsRefusedForBadInputAndForAVersionAlreadyPublished() {
        String current = scenario.currentConvention(DOMESTIC);
        refused(409, "CONVENTION_VERSION_ALREADY_PUBLISHED", () -> publish(DOMESTIC, current, "P30D"));
        refused(400, "GRACE_PERIOD_INVALID", () -> publish(DOMESTIC, "2027-1", "P400D"));
        refused(400, "GRACE_PERIOD_INVALID", () -> publish(DOMESTIC, "2027-1", "30天"));
        refused(400, "ALLIANCE_UNKNOWN", () -> publish("SPORTS", "2027-1", "P30D"));
        refused(400, "CONVENTION_SUMMARY_INVALID", () -> api.post("hq", "/api/alliances/DOMESTIC_SERVICE/conventions",
                "{\"conventionVersion\": \"2027-1\", \"gracePeriod\": \"P30D\"}"));
        refused(403, "FORBIDDEN", () -> api.post("auditor", "/api/alliances/DOMESTIC_SERVICE/conventions",
                "{\"conventionVersion\": \"2027-1\", \"gracePeriod\": \"P30D\", \"summary\": \"新版\"}"));
        refused(400, "INVALID_PARAMETER", () -> api.get("auditor", "/api/alliances/SPORTS/conventions"));
        assertThat(scenario.currentConvention(WELFARE)).isEqualTo("2014-1");
    }

    @Test
    void suspendsReinstatesAndRecordsTheWithdrawalOfAMemberEachWithAReason() {
        String station = scenario.openStation("阅江楼家庭驿站", "鼓楼区");
        String member = scenario.admittedMember(WELFARE, "金陵女子创梦空间");
        scenario.offer(member, station, "LEGAL_AID");
        String path = "/api/alliance-members/" + member;

        refused(400, "MEMBERSHIP_CHANGE_REASON_REQUIRED", () -> api.post("hq", path + "/suspension", "{}"));
        refused(403, "FORBIDDEN", () -> api.post("worker", path + "/suspension", reason("投诉")));
        refused(409, "MEMBER_NOT_SUSPENDED", () -> api.post("hq", path + "/reinstatement", reason("无需恢复")));
        noContent(api.post("hq", path + "/suspension", reason("服务投诉待核查")));
        awaitStatus(member, "SUSPENDED");
        JsonNode suspended = member(member);
        assertThat(suspended.path("suspensionReason").asText()).isEqualTo("服务投诉待核查");
        assertThat(suspended.path("suspendedAt").isTextual()).isTrue();
        // The saga's withdrawal of the member's offerings is written after the suspension; a refusal is checked to
        // write nothing only once that has settled.
        awaitOfferingsOfDepartedMembersWithdrawn();
        refused(409, "MEMBER_ALREADY_SUSPENDED", () -> api.post("hq", path + "/suspension", reason("再次暂停")));
        refused(422, "PROVIDER_NOT_ADMITTED", () -> record(station, "LEGAL_AID", member));

        noContent(api.post("hq", path + "/reinstatement", reason("核查无误")));
        awaitStatus(member, "ADMITTED");
        assertThat(member(member).path("reinstatementReason").asText()).isEqualTo("核查无误");
        // Its offerings went with the suspension: it offers again before it delivers again.
        refused(422, "PROVIDER_DOES_NOT_OFFER_PROJECT_AT_STATION", () -> record(station, "LEGAL_AID", member));
        scenario.offer(member, station, "LEGAL_AID");
        assertThat(record(station, "LEGAL_AID", member).status()).isEqualTo(201);

        refused(400, "MEMBERSHIP_CHANGE_REASON_REQUIRED", () -> api.post("hq", path + "/withdrawal",
                reason(" ")));
        noContent(api.post("hq", path + "/withdrawal", reason("业务调整，主动退出")));
        awaitStatus(member, "WITHDRAWN");
        JsonNode withdrawn = member(member);
        assertThat(withdrawn.path("withdrawalReason").asText()).isEqualTo("业务调整，主动退出");
        assertThat(withdrawn.path("withdrawnAt").isTextual()).isTrue();
        awaitOfferingsOfDepartedMembersWithdrawn();
        refused(409, "MEMBERSHIP_ENDED", () -> api.post("hq", path + "/suspension", reason("投诉")));
        refused(409, "MEMBERSHIP_ENDED", () -> api.post("hq", path + "/expulsion", reason("投诉")));
        assertThat(api.get("auditor", "/api/history/alliance-members/" + member).body().findValuesAsText("type"))
                .containsSubsequence("AllianceMemberAdmitted", "AllianceMemberSuspended", "AllianceMemberReinstated",
                        "AllianceMemberWithdrew");
    }

    @Test
    void anExpelledOrganisationCannotApplyAgainWithTheSameCreditCodeDuringItsBan() {
        String member = scenario.admittedMember(WELFARE, "南京市月嫂联合会");
        awaitStatus(member, "ADMITTED");
        String creditCode = member(member).path("creditCode").asText();
        String path = "/api/alliance-members/" + member;
        String application = """
                {"alliance": "%s", "organisationName": "南京市月嫂联合会", "organisationType": "SOCIAL_ORGANISATION",
                 "creditCode": "%s"}""";

        refused(400, "MEMBERSHIP_CHANGE_REASON_REQUIRED", () -> api.post("hq", path + "/expulsion", "{}"));
        noContent(api.post("hq", path + "/expulsion", reason("以联盟名义虚假宣传")));
        awaitStatus(member, "EXPELLED");
        JsonNode expelled = member(member);
        assertThat(expelled.path("expulsionReason").asText()).isEqualTo("以联盟名义虚假宣传");
        assertThat(Duration.between(Instant.parse(expelled.path("expelledAt").asText()),
                Instant.parse(expelled.path("reapplicationBannedUntil").asText()))).isEqualTo(Duration.ofDays(365));

        Api.Response banned = refused(422, "CREDIT_CODE_BANNED_AFTER_EXPULSION", () -> api.post("hq",
                "/api/alliance-applications", application.formatted(WELFARE, creditCode)));
        assertThat(banned.body().path("detailEn").asText())
                .contains(expelled.path("reapplicationBannedUntil").asText().substring(0, 10));
        refused(409, "MEMBERSHIP_ENDED", () -> api.post("hq", path + "/expulsion", reason("再次开除")));
        refused(409, "MEMBERSHIP_ENDED", () -> api.post("hq", path + "/reinstatement", reason("恢复")));
        // The ban is the expelling alliance's: the other alliance may admit the organisation.
        assertThat(api.post("hq", "/api/alliance-applications", application.formatted(DOMESTIC, creditCode))
                .status()).isEqualTo(201);
        awaitOfferingsOfDepartedMembersWithdrawn();
    }

    @Test
    void aMemberDeliversOnlyWhatItOffersAtTheStation() {
        String station = scenario.openStation("燕子矶家庭驿站", "栖霞区");
        String member = scenario.admittedMember(WELFARE, "12338热线");
        String applicant = api.post("hq", "/api/alliance-applications", """
                {"alliance": "PUBLIC_WELFARE", "organisationName": "江苏红娘", "organisationType": "ENTERPRISE",
                 "creditCode": "%s"}""".formatted(Scenario.newCreditCode())).id();
        String offerings = "/api/alliance-members/" + member + "/offerings";
        String offering = """
                {"stationId": "%s", "projectCode": "%s", "pricing": "%s", "priceFen": %s, "capacity": %d,
                 "capacityPeriod": "PER_MONTH", "schedule": "每月第一个周六"}""";

        refused(422, "PROVIDER_DOES_NOT_OFFER_PROJECT_AT_STATION", () -> record(station, "LEGAL_AID", member));

        Api.Response offered = api.post("hq", offerings, offering.formatted(station, "LEGAL_AID", "SUBSIDISED", "500",
                30));
        assertThat(offered.status()).as(offered.toString()).isEqualTo(201);
        String offeringId = offered.id();
        assertThat(offered.headers().getLocation()).hasToString("/api/offerings/" + offeringId);
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/offerings/" + offeringId).status())
                .isEqualTo(200));
        JsonNode view = api.get("auditor", "/api/offerings/" + offeringId).body();
        assertThat(view.path("organisationName").asText()).isEqualTo("12338热线");
        assertThat(view.path("stationName").asText()).isEqualTo("燕子矶家庭驿站");
        assertThat(view.path("projectName").asText()).isEqualTo("法律援助");
        assertThat(view.path("pricing").asText()).isEqualTo("SUBSIDISED");
        assertThat(view.path("priceFen").asLong()).isEqualTo(500);
        assertThat(view.path("capacity").asInt()).isEqualTo(30);
        assertThat(view.path("capacityPeriodLabel").asText()).isEqualTo("每月");
        assertThat(view.path("active").asBoolean()).isTrue();
        assertThat(api.get("auditor", "/api/stations/" + station + "/offerings").body().path("items")
                .findValuesAsText("offeringId")).containsExactly(offeringId);
        assertThat(api.get("auditor", "/api/offerings?stationId=" + station + "&projectCode=LEGAL_AID&active=true")
                .body().path("items").findValuesAsText("offeringId")).containsExactly(offeringId);

        refused(409, "OFFERING_ALREADY_EXISTS", () -> api.post("hq", offerings,
                offering.formatted(station, "LEGAL_AID", "FREE", "null", 10)));
        refused(400, "CAPACITY_INVALID", () -> api.post("hq", offerings,
                offering.formatted(station, "WOMEN_RIGHTS", "FREE", "null", 0)));
        refused(400, "PRICE_REQUIRED", () -> api.post("hq", offerings,
                offering.formatted(station, "WOMEN_RIGHTS", "PAID", "null", 10)));
        refused(400, "PRICE_NOT_ALLOWED_WHEN_FREE", () -> api.post("hq", offerings,
                offering.formatted(station, "WOMEN_RIGHTS", "FREE", "800", 10)));
        refused(400, "PROJECT_UNKNOWN", () -> api.post("hq", offerings,
                offering.formatted(station, "KARAOKE", "FREE", "null", 10)));
        refused(404, "STATION_UNKNOWN", () -> api.post("hq", offerings,
                offering.formatted(UUID.randomUUID(), "WOMEN_RIGHTS", "FREE", "null", 10)));
        refused(404, "MEMBER_UNKNOWN", () -> api.post("hq", "/api/alliance-members/" + UUID.randomUUID()
                + "/offerings", offering.formatted(station, "WOMEN_RIGHTS", "FREE", "null", 10)));
        refused(422, "OFFERING_MEMBER_NOT_ADMITTED", () -> api.post("hq", "/api/alliance-members/" + applicant
                + "/offerings", offering.formatted(station, "WOMEN_RIGHTS", "FREE", "null", 10)));
        refused(403, "FORBIDDEN", () -> api.post("worker", offerings,
                offering.formatted(station, "WOMEN_RIGHTS", "FREE", "null", 10)));

        assertThat(record(station, "LEGAL_AID", member).status()).isEqualTo(201);
        refused(422, "PROVIDER_DOES_NOT_OFFER_PROJECT_AT_STATION", () -> record(station, "WOMEN_RIGHTS", member));

        String withdrawal = "/api/offerings/" + offeringId + "/withdrawal";
        refused(400, "WITHDRAWAL_REASON_REQUIRED", () -> api.post("hq", withdrawal, "{}"));
        refused(403, "FORBIDDEN", () -> api.post("worker", withdrawal, reason("场地调整")));
        noContent(api.post("hq", withdrawal, reason("场地调整")));
        refused(409, "OFFERING_ALREADY_WITHDRAWN", () -> api.post("hq", withdrawal, reason("再次撤下")));
        refused(404, "NOT_FOUND", () -> api.post("hq", "/api/offerings/" + UUID.randomUUID() + "/withdrawal",
                reason("不存在")));
        refused(422, "PROVIDER_DOES_NOT_OFFER_PROJECT_AT_STATION", () -> record(station, "LEGAL_AID", member));
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/offerings/" + offeringId).body()
                .path("withdrawalReason").asText()).isEqualTo("场地调整"));
        assertThat(api.get("auditor", "/api/stations/" + station + "/offerings").body().path("total").asLong())
                .isZero();
        assertThat(api.get("auditor", "/api/stations/" + station + "/offerings?active=false").body().path("items")
                .findValuesAsText("offeringId")).containsExactly(offeringId);
        refused(404, "OFFERING_NOT_FOUND", () -> api.get("auditor", "/api/offerings/" + UUID.randomUUID()));
    }

    @Test
    void aSuspendedOrExpelledMembersOfferingsAreWithdrawnAcrossStations() {
        String meiyuan = scenario.openStation("梅园新村家庭驿站", "玄武区");
        String lanyuan = scenario.openStation("兰园家庭驿站", "鼓楼区");
        String member = scenario.admittedMember(WELFARE, "李晓霞工作室");
        List<String> first = List.of(scenario.offer(member, meiyuan, "PSYCHOLOGICAL_COUNSELLING"),
                scenario.offer(member, lanyuan, "PSYCHOLOGICAL_COUNSELLING"),
                scenario.offer(member, lanyuan, "LEGAL_AID"));
        String correlationId = "suspension-" + UUID.randomUUID();

        noContent(api.post("hq", "/api/alliance-members/" + member + "/suspension", reason("服务投诉待核查"),
                Map.of("X-Correlation-Id", correlationId)));

        Eventually.assertThat(() -> assertThat(offeringsOf(member)).hasSize(3).allSatisfy(offering -> {
            assertThat(offering.path("active").asBoolean()).isFalse();
            assertThat(offering.path("withdrawalReason").asText()).isEqualTo("联盟成员被暂停：服务投诉待核查");
        }));
        JsonNode withdrawn = api.get("auditor", "/api/history/offerings/" + first.get(0)).body().get(1);
        assertThat(withdrawn.path("type").asText()).isEqualTo("OfferingWithdrawn");
        assertThat(withdrawn.path("metadata").path("correlationId").asText()).isEqualTo(correlationId);
        assertThat(withdrawn.path("metadata").path("userId").asText()).isEqualTo("hq");
        refused(422, "PROVIDER_NOT_ADMITTED", () -> record(lanyuan, "LEGAL_AID", member));

        // Reinstated, it offers again; expelled, that offering goes too.
        noContent(api.post("hq", "/api/alliance-members/" + member + "/reinstatement", reason("核查无误")));
        String again = scenario.offer(member, meiyuan, "PSYCHOLOGICAL_COUNSELLING");
        noContent(api.post("hq", "/api/alliance-members/" + member + "/expulsion", reason("核查属实")));
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/offerings/" + again).body()
                .path("withdrawalReason").asText()).isEqualTo("联盟成员被开除出盟：核查属实"));
        assertThat(offeringsOf(member)).hasSize(4).noneSatisfy(offering ->
                assertThat(offering.path("active").asBoolean()).isTrue());
        awaitOfferingsOfDepartedMembersWithdrawn();
    }
}
