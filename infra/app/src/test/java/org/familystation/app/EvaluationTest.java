package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.Scenario;
import org.familystation.app.support.SharedSearch;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evaluations over HTTP on the real servers, in an application of their own (a fresh history, so that every
 * expected figure is known exactly; two stations make the pilot). The workload: four stations — two pilot stations
 * (玄武区, 鼓楼区), a third demonstration station and a standard one (both 玄武区) — with services, needs surveys,
 * referrals, volunteer time, alliance members and funds in this month and the month before.
 */
@TestPropertySource(properties = "familystation.evaluation.pilot-size=2")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SharedSearch.Used
class EvaluationTest extends ApplicationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private YearMonth month;
    private YearMonth previousMonth;
    /** When this month's services, expenditures and needs happened: earlier today, or at the month's start. */
    private Instant thisMonth;
    private Instant lastMonth;
    private final List<String> referrals = new ArrayList<>();
    private int stationsOpened;

    /** Its application of its own reads no search index: it starts no search server of its own either. */
    @DynamicPropertySource
    static void onTheSharedSearchServer(DynamicPropertyRegistry properties) {
        SharedSearch.settings("evaluation").forEach((name, value) -> properties.add(name, () -> value));
    }

    @BeforeAll
    void buildTheHistory() {
        Instant now = Instant.now();
        month = YearMonth.from(now.atZone(SHANGHAI));
        previousMonth = month.minusMonths(1);
        Instant monthStart = month.atDay(1).atStartOfDay(SHANGHAI).toInstant();
        thisMonth = now.minus(Duration.ofHours(2)).isBefore(monthStart) ? monthStart.plusSeconds(60)
                : now.minus(Duration.ofHours(2));
        // The first day of the month before: within the days a comparison with this (running) month counts.
        lastMonth = previousMonth.atDay(1).atTime(LocalTime.of(10, 0)).atZone(SHANGHAI).toInstant();

        // Opened in this order, on the first of last month: the first two at demonstration homes are the pilot.
        String homeA = scenario.communityHome("试点甲社区妇女儿童之家", "玄武区", "PROVINCIAL_DEMONSTRATION");
        String homeB = scenario.communityHome("试点乙社区妇女儿童之家", "鼓楼区", "PROVINCIAL_DEMONSTRATION");
        String homeC = scenario.communityHome("示范丙社区妇女儿童之家", "玄武区", "PROVINCIAL_DEMONSTRATION");
        String homeD = scenario.communityHome("普通丁社区妇女儿童之家", "玄武区", "STANDARD");
        String homeE = scenario.communityHome("普通戊社区妇女儿童之家", "鼓楼区", "STANDARD");
        String a = openStation(homeA, "试点甲家庭驿站");
        String b = openStation(homeB, "试点乙家庭驿站");
        String c = openStation(homeC, "示范丙家庭驿站");
        String d = openStation(homeD, "普通丁家庭驿站");

        String s1 = service(a, "CONVENIENCE", "HOUSEKEEPING", 10, thisMonth, 5);
        service(a, "HAPPINESS", "CULTURE_SPORTS", 20, thisMonth, 4);
        service(b, "CONVENIENCE", "HOUSEKEEPING", 5, thisMonth, 3);
        service(b, "CULTURE", "FAMILY_EDUCATION", 8, thisMonth, null);
        String s5 = service(c, "EMOTIONAL", "LEGAL_AID", 3, thisMonth, 5);
        service(d, "CONVENIENCE", "HOUSEKEEPING", 7, thisMonth, 2);
        String voided = service(a, "CONVENIENCE", "HOUSEKEEPING", 100, thisMonth, 1);
        noContent(api.post("worker", "/api/service-records/" + voided + "/voiding", "{\"reason\": \"重复录入\"}"));
        String s8 = service(a, "CONVENIENCE", "HOUSEKEEPING", 4, lastMonth, 4);
        service(c, "HAPPINESS", "CULTURE_SPORTS", 6, lastMonth, 5);

        String today = LocalDate.ofInstant(thisMonth, SHANGHAI).toString();
        String fifteenth = previousMonth.atDay(1).toString();
        survey(homeA, today, 30, need("HOUSEKEEPING", 20) + "," + need("FAMILY_EDUCATION", 12));
        survey(homeE, today, 10, need("HOUSEKEEPING", 10));
        survey(homeB, fifteenth, 8, need("EMPTY_NEST_ELDERLY", 5));

        String r1 = referral(a, "RIGHTS_SERVICE_CENTRE", "LEGAL_AID");
        noContent(api.post("rights-centre", "/api/referrals/" + r1 + "/acceptance", null));
        noContent(api.post("rights-centre", "/api/referrals/" + r1 + "/work", null));
        noContent(api.post("rights-centre", "/api/referrals/" + r1 + "/resolution", "{\"outcome\": \"已协助调解\"}"));
        noContent(api.post("rights-centre", "/api/referrals/" + r1 + "/closure", null));
        String r2 = referral(a, "RIGHTS_SERVICE_CENTRE", "PSYCHOLOGICAL_SUPPORT");
        noContent(api.post("rights-centre", "/api/referrals/" + r2 + "/acceptance", null));
        String r3 = referral(b, "DOMESTIC_SERVICE_CENTRE", "HOUSEKEEPING_PLACEMENT");
        noContent(api.post("domestic-centre", "/api/referrals/" + r3 + "/decline", "{\"reason\": \"暂无岗位\"}"));
        String r4 = referral(c, "RIGHTS_SERVICE_CENTRE", "LEGAL_AID");
        noContent(api.post("worker", "/api/referrals/" + r4 + "/withdrawal", "{\"reason\": \"当事人已自行解决\"}"));
        referrals.addAll(List.of(r1, r2, r3, r4));

        String v1 = created(api.post("hq", "/api/volunteers", """
                {"name": "陈志愿", "volunteerNumber": "EV-001", "homeUnitId": "%s"}""".formatted(homeA)));
        String v2 = created(api.post("hq", "/api/volunteers", """
                {"name": "林志愿", "volunteerNumber": "EV-002", "homeUnitId": "%s"}""".formatted(homeB)));
        hours(v1, s1, 90);
        hours(v2, s1, 30);
        hours(v1, s5, 60);
        hours(v1, s8, 45);

        scenario.admittedMember("PUBLIC_WELFARE", "评估甲社工事务所");
        String suspended = scenario.admittedMember("DOMESTIC_SERVICE", "评估乙家政");
        noContent(api.post("hq", "/api/alliance-members/" + suspended + "/suspension", "{\"reason\": \"投诉待查\"}"));
        String expelled = scenario.admittedMember("PUBLIC_WELFARE", "评估丙公益");
        noContent(api.post("hq", "/api/alliance-members/" + expelled + "/expulsion", "{\"reason\": \"违反联盟公约\"}"));
        created(api.post("hq", "/api/alliance-applications", """
                {"alliance": "DOMESTIC_SERVICE", "organisationName": "评估丁保洁", "organisationType": "ENTERPRISE",
                 "creditCode": "%s", "contactPerson": "丁经理"}""".formatted(Scenario.newCreditCode())));
        String withdrew = scenario.admittedMember("PUBLIC_WELFARE", "评估戊协会");
        noContent(api.post("hq", "/api/alliance-members/" + withdrew + "/withdrawal", "{\"reason\": \"业务调整\"}"));

        String donation = fund("SOCIAL_DONATION", 1_000_000, lastMonth);
        String special = fund("FEDERATION_SPECIAL_FUNDS", 500_000, thisMonth);
        // Allocated before anything is spent from them: toA last month, the others this month.
        String toA = allocate(donation, "\"stationId\": \"" + a + "\"", 300_000, lastMonth);
        String toC = allocate(donation, "\"stationId\": \"" + c + "\"", 200_000, thisMonth);
        allocate(donation, "\"projectCode\": \"FAMILY_EDUCATION\"", 100_000, thisMonth);
        String toB = allocate(special, "\"stationId\": \"" + b + "\"", 150_000, thisMonth);
        spend(donation, toA, 120_000, thisMonth);
        spend(donation, toA, 30_000, lastMonth);
        spend(donation, toC, 80_000, thisMonth);
        spend(special, toB, 50_000, thisMonth);
        noContent(api.post("hq", "/api/funds/" + special + "/allocations/" + toB + "/release",
                "{\"reason\": \"项目结束\"}"));

        // The read side has every event once the report says so.
        Eventually.assertThat(() -> assertThat(evaluation("period=" + month + "&cohort=pilot").body()
                .path("position").path("caughtUp").asBoolean()).isTrue());
    }

    @Test
    void reportsThePilotThisMonthAgainstTheMonthBefore() {
        JsonNode report = ok(evaluation("period=" + month + "&cohort=pilot"));
        assertThat(report.path("compare").asText()).isEqualTo("previous-period");
        assertThat(report.path("subject").path("cohort").asText()).isEqualTo("pilot");
        assertThat(report.path("subject").path("cohortLabel").asText()).isEqualTo("试点家庭驿站");
        assertThat(report.path("subject").path("from").asText()).isEqualTo(month.atDay(1).toString());
        assertThat(report.path("subject").path("to").asText()).isEqualTo(month.atEndOfMonth().toString());
        assertThat(report.path("comparison").path("period").asText()).isEqualTo(previousMonth.toString());
        assertThat(report.path("comparison").path("cohort").asText()).isEqualTo("pilot");

        JsonNode now = report.path("figures");
        assertThat(numbers(now.path("stations"))).isEqualTo(Map.of("inCohort", 2L, "opened", 0L, "active", 2L));
        JsonNode services = now.path("services");
        assertThat(services.path("services").asLong()).isEqualTo(4);
        assertThat(services.path("beneficiaries").asLong()).isEqualTo(10 + 20 + 5 + 8);
        assertThat(services.path("averageSatisfaction").asDouble()).isEqualTo(4.0);
        assertThat(services.path("rated").asLong()).isEqualTo(3);
        assertThat(services.path("unrated").asLong()).isEqualTo(1);
        assertThat(longs(services.path("satisfaction"))).containsExactly(0L, 0L, 1L, 1L, 1L);
        assertThat(counts(services.path("byStationPoint")))
                .isEqualTo(Map.of("CONVENIENCE", 2L, "CULTURE", 1L, "HAPPINESS", 1L));
        assertThat(counts(services.path("byProject")))
                .isEqualTo(Map.of("CULTURE_SPORTS", 1L, "FAMILY_EDUCATION", 1L, "HOUSEKEEPING", 2L));
        assertThat(services.path("byStationPoint").get(0).path("label").asText()).isEqualTo("便民驿站");

        JsonNode needs = now.path("needs");
        assertThat(numbers(needs, "surveys", "respondents", "needs"))
                .isEqualTo(Map.of("surveys", 1L, "respondents", 30L, "needs", 32L));
        JsonNode housekeeping = gap(needs, "HOUSEKEEPING");
        assertThat(numbers(housekeeping, "needs", "services", "participants", "shortfall"))
                .isEqualTo(Map.of("needs", 20L, "services", 2L, "participants", 15L, "shortfall", 5L));
        assertThat(housekeeping.path("coverage").asDouble()).isEqualTo(0.75);
        assertThat(numbers(gap(needs, "FAMILY_EDUCATION"), "needs", "participants", "shortfall"))
                .isEqualTo(Map.of("needs", 12L, "participants", 8L, "shortfall", 4L));

        JsonNode referred = now.path("referrals");
        assertThat(numbers(referred, "referred", "accepted", "declined", "withdrawn", "resolved", "closed"))
                .isEqualTo(Map.of("referred", 3L, "accepted", 2L, "declined", 1L, "withdrawn", 0L, "resolved", 1L,
                        "closed", 1L));
        assertThat(referred.path("closureRate").asDouble()).isEqualTo(0.333);
        assertThat(referred.path("hoursToAccept").path("count").asLong()).isEqualTo(2);
        assertThat(referred.path("hoursToAccept").path("average").asDouble())
                .isEqualTo(averageHours(referrals.subList(0, 2), "acceptedAt"));
        assertThat(referred.path("hoursToResolve").path("count").asLong()).isEqualTo(1);
        assertThat(referred.path("hoursToResolve").path("median").asDouble())
                .isEqualTo(averageHours(referrals.subList(0, 1), "resolvedAt"));

        JsonNode volunteers = now.path("volunteerTime");
        assertThat(numbers(volunteers, "minutes", "services", "volunteers"))
                .isEqualTo(Map.of("minutes", 120L, "services", 1L, "volunteers", 2L));
        assertThat(volunteers.path("hours").decimalValue()).isEqualByComparingTo("2.00");

        JsonNode alliance = now.path("allianceGrowth");
        assertThat(numbers(alliance, "applications", "admissions", "suspensions", "expulsions", "withdrawals",
                "membersAtEnd")).isEqualTo(Map.of("applications", 5L, "admissions", 4L, "suspensions", 1L,
                "expulsions", 1L, "withdrawals", 1L, "membersAtEnd", 2L));
        JsonNode publicWelfare = alliance.path("byAlliance").get(0).path("alliance").asText().equals("PUBLIC_WELFARE")
                ? alliance.path("byAlliance").get(0) : alliance.path("byAlliance").get(1);
        assertThat(numbers(publicWelfare, "applications", "admissions", "expulsions", "withdrawals", "membersAtEnd"))
                .isEqualTo(Map.of("applications", 3L, "admissions", 3L, "expulsions", 1L, "withdrawals", 1L,
                        "membersAtEnd", 1L));

        JsonNode funding = now.path("funding");
        assertThat(funding.has("receivedFen")).as("a cohort of stations receives no funds").isFalse();
        assertThat(numbers(funding, "allocatedFen", "spentFen"))
                .isEqualTo(Map.of("allocatedFen", 50_000L, "spentFen", 120_000L + 50_000L));
        // toA's 300,000 was allocated last month: a month's allocations are those dated in it.
        assertThat(source(funding, "SOCIAL_DONATION").path("allocatedFen").asLong()).isZero();
        assertThat(source(funding, "SOCIAL_DONATION").path("spentFen").asLong()).isEqualTo(120_000);
        assertThat(source(funding, "FEDERATION_SPECIAL_FUNDS").path("allocatedFen").asLong()).isEqualTo(50_000);

        // The month before: the pilot stations opened then (business dates), and one of them served.
        JsonNode before = report.path("comparisonFigures");
        assertThat(numbers(before.path("stations"))).isEqualTo(Map.of("inCohort", 2L, "opened", 2L, "active", 1L));
        assertThat(numbers(before.path("services"), "services", "beneficiaries", "rated"))
                .isEqualTo(Map.of("services", 1L, "beneficiaries", 4L, "rated", 1L));
        assertThat(longs(before.path("services").path("satisfaction"))).containsExactly(0L, 0L, 0L, 1L, 0L);
        assertThat(numbers(before.path("needs"), "surveys", "respondents", "needs"))
                .isEqualTo(Map.of("surveys", 1L, "respondents", 8L, "needs", 5L));
        assertThat(gap(before.path("needs"), "EMPTY_NEST_ELDERLY").path("shortfall").asLong()).isEqualTo(5);
        assertThat(before.path("referrals").path("referred").asLong()).isZero();
        assertThat(before.path("referrals").has("closureRate")).isFalse();
        assertThat(before.path("volunteerTime").path("minutes").asLong()).isEqualTo(45);
        assertThat(before.path("allianceGrowth").path("applications").asLong()).isZero();
        assertThat(before.path("allianceGrowth").path("membersAtEnd").asLong()).isZero();
        assertThat(numbers(before.path("funding"), "allocatedFen", "spentFen"))
                .isEqualTo(Map.of("allocatedFen", 300_000L, "spentFen", 30_000L));

        // The tables carry both sides and their difference.
        assertThat(row(report, "services", "services")).containsExactly("4", "1", "3");
        assertThat(row(report, "satisfaction", "average")).containsExactly("4", "4", "0");
        assertThat(row(report, "services-by-project", "HOUSEKEEPING")).containsExactly("2", "1", "1");
        assertThat(row(report, "services-by-project", "CULTURE_SPORTS")).containsExactly("1", "0", "1");
        assertThat(row(report, "referrals", "closureRate").get(1)).isNull();
        assertThat(row(report, "referrals", "closureRate").get(2)).isNull();
        assertThat(row(report, "funding", "spent")).containsExactly("170000", "30000", "140000");
        assertThat(row(report, "volunteer-time", "hours")).containsExactly("2", "0.75", "1.25");
    }

    @Test
    void reportsTheWholeNetworkAndComparesCohortsOverTheSamePeriod() {
        JsonNode report = ok(evaluation("period=" + month + "&compare=pilot"));
        assertThat(report.path("compare").asText()).isEqualTo("cohort");
        assertThat(report.path("subject").path("cohort").asText()).isEqualTo("all");
        assertThat(report.path("comparison").path("cohort").asText()).isEqualTo("pilot");
        assertThat(report.path("comparison").path("period").asText()).isEqualTo(month.toString());

        JsonNode all = report.path("figures");
        assertThat(numbers(all.path("stations"))).isEqualTo(Map.of("inCohort", 4L, "opened", 0L, "active", 4L));
        assertThat(numbers(all.path("services"), "services", "beneficiaries", "rated", "unrated"))
                .isEqualTo(Map.of("services", 6L, "beneficiaries", 53L, "rated", 5L, "unrated", 1L));
        assertThat(all.path("services").path("averageSatisfaction").asDouble()).isEqualTo(3.8);
        assertThat(longs(all.path("services").path("satisfaction"))).containsExactly(0L, 1L, 1L, 1L, 2L);
        assertThat(numbers(all.path("needs"), "surveys", "respondents", "needs"))
                .isEqualTo(Map.of("surveys", 2L, "respondents", 40L, "needs", 42L));
        assertThat(numbers(gap(all.path("needs"), "HOUSEKEEPING"), "needs", "participants", "shortfall"))
                .isEqualTo(Map.of("needs", 30L, "participants", 22L, "shortfall", 8L));
        assertThat(numbers(all.path("referrals"), "referred", "accepted", "declined", "withdrawn", "closed"))
                .isEqualTo(Map.of("referred", 4L, "accepted", 2L, "declined", 1L, "withdrawn", 1L, "closed", 1L));
        assertThat(all.path("referrals").path("closureRate").asDouble()).isEqualTo(0.25);
        assertThat(numbers(all.path("volunteerTime"), "minutes", "services", "volunteers"))
                .isEqualTo(Map.of("minutes", 180L, "services", 2L, "volunteers", 2L));
        assertThat(numbers(all.path("funding"), "receivedFen", "allocatedFen", "spentFen")).isEqualTo(Map.of(
                "receivedFen", 500_000L, "allocatedFen", 350_000L, "spentFen", 250_000L));
        JsonNode special = source(all.path("funding"), "FEDERATION_SPECIAL_FUNDS");
        assertThat(special.path("receivedFen").asLong()).isEqualTo(500_000);
        assertThat(special.path("receivedShareBasisPoints").asInt()).isEqualTo(10_000);
        assertThat(source(all.path("funding"), "SOCIAL_DONATION").path("allocatedShareBasisPoints").asInt())
                .isEqualTo(8_571); // 300,000 of 350,000 (toA's 300,000 is dated last month)

        assertThat(row(report, "services", "services")).containsExactly("6", "4", "2");
        assertThat(row(report, "services", "beneficiaries")).containsExactly("53", "43", "10");
        assertThat(row(report, "satisfaction", "average")).containsExactly("3.8", "4", "-0.2");
        assertThat(row(report, "services-by-station-point", "EMOTIONAL")).containsExactly("1", "0", "1");
        assertThat(row(report, "funding", "received").get(1)).isNull();

        // The network the month before: the donation was received then.
        JsonNode before = ok(evaluation("period=" + previousMonth + "&compare=none"));
        assertThat(before.has("comparison")).isFalse();
        assertThat(before.has("comparisonFigures")).isFalse();
        assertThat(numbers(before.path("figures").path("funding"), "receivedFen", "allocatedFen", "spentFen"))
                .isEqualTo(Map.of("receivedFen", 1_000_000L, "allocatedFen", 300_000L, "spentFen", 30_000L));
        assertThat(numbers(before.path("figures").path("services"), "services", "beneficiaries"))
                .isEqualTo(Map.of("services", 2L, "beneficiaries", 10L));
        assertThat(row(before, "services", "services")).containsExactly("2", null, null);
    }

    @Test
    void reportsDistrictsDemonstrationHomesAndTheRestOfTheNetworkByDays() {
        String days = "from=" + month.atDay(1) + "&to=" + month.atEndOfMonth();
        JsonNode xuanwu = ok(evaluation(days + "&cohort=district:玄武区"
                + "&compare=district:鼓楼区"));
        assertThat(xuanwu.path("subject").path("period").asText())
                .isEqualTo(month.atDay(1) + "~" + month.atEndOfMonth());
        assertThat(numbers(xuanwu.path("figures").path("stations")))
                .isEqualTo(Map.of("inCohort", 3L, "opened", 0L, "active", 3L));
        assertThat(numbers(xuanwu.path("figures").path("services"), "services", "beneficiaries"))
                .isEqualTo(Map.of("services", 4L, "beneficiaries", 40L));
        assertThat(xuanwu.path("figures").path("services").path("averageSatisfaction").asDouble()).isEqualTo(4.0);
        JsonNode gulou = xuanwu.path("comparisonFigures");
        assertThat(numbers(gulou.path("stations"))).isEqualTo(Map.of("inCohort", 1L, "opened", 0L, "active", 1L));
        // 鼓楼区's needs include the survey at a home without a station.
        assertThat(numbers(gulou.path("needs"), "surveys", "respondents", "needs"))
                .isEqualTo(Map.of("surveys", 1L, "respondents", 10L, "needs", 10L));

        JsonNode demonstration = ok(evaluation(days + "&cohort=demonstration&compare=non-pilot"));
        assertThat(demonstration.path("subject").path("cohortLabel").asText()).isEqualTo("省级示范妇女儿童之家");
        assertThat(numbers(demonstration.path("figures").path("services"), "services", "beneficiaries"))
                .isEqualTo(Map.of("services", 5L, "beneficiaries", 46L));
        assertThat(demonstration.path("figures").path("services").path("averageSatisfaction").asDouble())
                .isEqualTo(4.25);
        JsonNode rest = demonstration.path("comparisonFigures");
        assertThat(numbers(rest.path("services"), "services", "beneficiaries"))
                .isEqualTo(Map.of("services", 2L, "beneficiaries", 10L));
        assertThat(rest.path("services").path("averageSatisfaction").asDouble()).isEqualTo(3.5);
        assertThat(numbers(rest.path("funding"), "allocatedFen", "spentFen"))
                .isEqualTo(Map.of("allocatedFen", 200_000L, "spentFen", 80_000L));

        // Days: the previous period is as many days, ending the day before.
        LocalDate weekStart = previousMonth.atDay(1);
        JsonNode week = ok(evaluation("from=" + weekStart + "&to=" + weekStart.plusDays(6)));
        assertThat(week.path("comparison").path("from").asText()).isEqualTo(weekStart.minusDays(7).toString());
        assertThat(week.path("comparison").path("to").asText()).isEqualTo(weekStart.minusDays(1).toString());
        JsonNode quarter = ok(evaluation("period=2026-Q1"));
        assertThat(quarter.path("subject").path("from").asText()).isEqualTo("2026-01-01");
        assertThat(quarter.path("subject").path("to").asText()).isEqualTo("2026-03-31");
        assertThat(quarter.path("comparison").path("period").asText()).isEqualTo("2025-Q4");
        assertThat(ok(evaluation("period=2025")).path("comparison").path("to").asText()).isEqualTo("2024-12-31");
    }

    @Test
    void givesTheSameNumbersAndPositionEveryTime() {
        String query = "period=" + month + "&cohort=pilot&compare=all";
        JsonNode first = ok(evaluation(query));
        JsonNode second = ok(evaluation(query));
        assertThat(first.path("position").path("caughtUp").asBoolean()).isTrue();
        assertThat(first.path("position").path("position").asLong())
                .isEqualTo(first.path("position").path("eventStoreHead").asLong())
                .isEqualTo(jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class));
        assertThat(Instant.parse(second.path("generatedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(first.path("generatedAt").asText()));
        ((ObjectNode) first).remove("generatedAt");
        ((ObjectNode) second).remove("generatedAt");
        assertThat(second).isEqualTo(first);
        System.out.printf("Evaluation at event position %s: %s processors read%n",
                first.path("position").path("position"), first.path("position").path("processors").size());
    }

    @Test
    void printsTheReportAsAnHtmlPageWithInlineSvgCharts() {
        Api.Response page = api.get("auditor", "/api/evaluations?period=" + month + "&cohort=pilot&format=html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        String html = page.body().asText();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"zh-CN\">", "@media print",
                "家庭驿站服务体系评估报告", "试点家庭驿站 " + month, "试点家庭驿站 " + previousMonth,
                "服务次数（按项目）", "资金构成（按来源）", "<td>服务人次</td><td class=\"number\">43</td>",
                "<td>支出</td><td class=\"number\">¥1,700.00</td><td class=\"number\">¥300.00</td>"
                        + "<td class=\"number up\">¥1,400.00</td>",
                ">家政<", ">社会资助<");
        // Three charts: services by station point, by project, and the funding mix; drawn here, fetching nothing.
        assertThat(html.split("<svg ", -1)).hasSize(4);
        assertThat(html).doesNotContain("<script", "src=", "href=", "<link");
        JsonNode report = ok(evaluation("period=" + month + "&cohort=pilot"));
        assertThat(html).contains("计算于事件位置 " + report.path("position").path("position").asLong());
    }

    @Test
    void exportsTheCsvLinesAsAnXlsxWorkbookWithFiguresAsNumbers() throws Exception {
        String query = "/api/evaluations?period=" + month + "&cohort=pilot&format=";
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> xlsx = http.send(HttpRequest.newBuilder(URI.create(api.base() + query + "xlsx"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "hq:hq-demo".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("content-type").orElseThrow())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.headers().firstValue("content-disposition").orElseThrow())
                .contains("evaluation-pilot-" + month + ".xlsx");
        String csv = api.get("hq", query + "csv").body().asText().substring(1);
        String[] lines = csv.split("\r\n", -1);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("评估报告");
            // The tables (from the first empty line on; the lines above say when each answer was made).
            int first = List.of(lines).indexOf("");
            int numbers = 0;
            for (int i = first; i < lines.length - 1; i++) {
                Row row = sheet.getRow(i);
                List<String> expected = lines[i].isEmpty() ? List.of() : fields(lines[i]);
                List<String> cells = new ArrayList<>();
                for (int column = 0; row != null && column < row.getLastCellNum(); column++) {
                    Cell cell = row.getCell(column);
                    if (cell != null && cell.getCellType() == CellType.NUMERIC) {
                        numbers++;
                        BigDecimal value = BigDecimal.valueOf(cell.getNumericCellValue());
                        assertThat(value).isEqualByComparingTo(new BigDecimal(expected.get(column)));
                        cells.add(expected.get(column));
                    } else {
                        cells.add(cell == null ? "" : cell.getStringCellValue());
                    }
                }
                while (cells.size() < expected.size()) {
                    cells.add("");
                }
                assertThat(cells).as("line " + (i + 1)).isEqualTo(expected);
            }
            assertThat(numbers).isPositive();
        }
    }

    @Test
    void exportsEveryTableAsOneSectionedCsv() {
        String query = "period=" + month + "&cohort=pilot";
        JsonNode json = ok(evaluation(query));
        String subjectLabel = json.path("subject").path("label").asText();
        String comparisonLabel = json.path("comparison").path("label").asText();
        Api.Response export = api.get("hq", "/api/evaluations?" + query + "&format=csv");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.headers().getContentType().toString()).startsWith("text/csv");
        assertThat(export.headers().getContentDisposition().getFilename())
                .isEqualTo("evaluation-pilot-" + month + ".csv");
        String csv = export.body().asText();
        assertThat(csv).startsWith("\uFEFF评估报告,试点家庭驿站," + month + ",");

        // Parse it: sections after empty lines, each "表格,code,title", a heading, then rows.
        Map<String, Map<String, List<String>>> tables = new LinkedHashMap<>();
        String[] sections = csv.substring(1).split("\r\n\r\n");
        for (String section : Stream.of(sections).skip(1).toList()) {
            String[] lines = section.strip().split("\r\n");
            List<String> title = fields(lines[0]);
            assertThat(title.get(0)).isEqualTo("表格");
            assertThat(fields(lines[1])).containsExactly("代码", "指标", subjectLabel, comparisonLabel, "差值");
            Map<String, List<String>> rows = new LinkedHashMap<>();
            for (int i = 2; i < lines.length; i++) {
                List<String> row = fields(lines[i]);
                assertThat(row).hasSize(5);
                rows.put(row.get(0), row);
            }
            tables.put(title.get(1), rows);
        }
        JsonNode report = ok(evaluation(query));
        assertThat(tables.keySet()).containsExactlyElementsOf(report.path("tables").findValuesAsText("code"));
        for (JsonNode table : report.path("tables")) {
            Map<String, List<String>> rows = tables.get(table.path("code").asText());
            assertThat(rows).hasSize(table.path("rows").size());
            for (JsonNode row : table.path("rows")) {
                List<String> line = rows.get(row.path("key").asText());
                assertThat(line.subList(0, 2)).containsExactly(row.path("key").asText(), row.path("label").asText());
                assertThat(line.subList(2, 5).stream().map(EvaluationTest::plain).toList()).containsExactly(
                        text(row.path("value")), text(row.path("comparison")), text(row.path("difference")));
            }
        }
        assertThat(tables.get("services").get("beneficiaries")).containsExactly("beneficiaries", "服务人次", "43", "4",
                "39");
        assertThat(tables.get("funding").get("SOCIAL_DONATION.allocated").subList(1, 5))
                .containsExactly("社会资助：分配", "0", "300000", "-300000");
    }

    @Test
    void aPeriodNotOverIsPartialAndComparedWithAsManyDaysOfThePeriodBefore() {
        LocalDate today = LocalDate.now(SHANGHAI);
        int days = today.getDayOfMonth();
        JsonNode report = ok(evaluation("period=" + month + "&cohort=pilot"));
        JsonNode subject = report.path("subject");
        assertThat(subject.path("partial").asBoolean()).isTrue();
        assertThat(subject.path("countedTo").asText()).isEqualTo(today.toString());
        assertThat(subject.path("daysCounted").asInt()).isEqualTo(days);
        assertThat(subject.path("to").asText()).isEqualTo(month.atEndOfMonth().toString());
        assertThat(subject.path("label").asText()).isEqualTo("试点家庭驿站 " + month + "（部分期间，截至 " + today + "）");
        JsonNode comparison = report.path("comparison");
        LocalDate comparedTo = previousMonth.atDay(Math.min(days, previousMonth.lengthOfMonth()));
        assertThat(comparison.path("partial").asBoolean()).isTrue();
        assertThat(comparison.path("from").asText()).isEqualTo(previousMonth.atDay(1).toString());
        assertThat(comparison.path("countedTo").asText()).isEqualTo(comparedTo.toString());
        assertThat(comparison.path("label").asText()).isEqualTo("试点家庭驿站 " + previousMonth + "（同期前 "
                + comparedTo.getDayOfMonth() + " 天，截至 " + comparedTo + "）");

        String html = api.get("auditor", "/api/evaluations?period=" + month + "&cohort=pilot&format=html").body()
                .asText();
        assertThat(html).contains("部分期间：本期尚未结束，数据截至 " + today, "<h2>资金（元）</h2>")
                .doesNotContain("资金（分）");
        assertThat(api.get("auditor", "/api/evaluations?period=" + month + "&cohort=pilot&format=csv").body()
                .asText()).contains("部分期间，截至 " + today, "\r\n表格,funding,资金（分）\r\n");

        // A period that is over counts all its days, and so does its comparison.
        JsonNode over = ok(evaluation("period=" + previousMonth.minusMonths(1)));
        assertThat(over.path("subject").path("partial").asBoolean()).isFalse();
        assertThat(over.path("subject").path("countedTo").asText())
                .isEqualTo(previousMonth.minusMonths(1).atEndOfMonth().toString());
        assertThat(over.path("comparison").path("partial").asBoolean()).isFalse();
        refused(400, "EVALUATION_PERIOD_NOT_STARTED", "period=" + month.plusMonths(1));
    }

    @Test
    void anEmptySectionSaysWhy() {
        JsonNode report = ok(evaluation("period=2018&cohort=pilot&compare=none"));
        Map<String, String> notes = new LinkedHashMap<>();
        report.path("tables").forEach(table -> notes.put(table.path("code").asText(), table.path("note").asText(null)));
        assertThat(notes).containsEntry("volunteer-time", "本期无志愿服务记录")
                .containsEntry("services", "本期无服务记录").containsEntry("referrals", "本期无转介");
        assertThat(api.get("auditor", "/api/evaluations?period=2018&cohort=pilot&compare=none&format=html").body()
                .asText()).contains("<p class=\"note\">本期无志愿服务记录</p>");
        assertThat(ok(evaluation("period=" + month + "&cohort=pilot")).path("tables").findValues("note")
                .stream().map(JsonNode::asText).toList()).doesNotContain("本期无志愿服务记录", "本期无服务记录");
    }

    @Test
    void refusesBadPeriodsCohortsComparisonsAndFormats() {
        refused(400, "EVALUATION_PERIOD_REQUIRED", "cohort=pilot");
        refused(400, "EVALUATION_PERIOD_REQUIRED", "from=2026-01-01");
        refused(400, "EVALUATION_PERIOD_CONFLICT", "period=2026&from=2026-01-01&to=2026-01-31");
        refused(400, "EVALUATION_PERIOD_UNREADABLE", "period=2026-13");
        refused(400, "EVALUATION_PERIOD_UNREADABLE", "period=2026-Q5");
        refused(400, "EVALUATION_PERIOD_UNREADABLE", "period=last-month");
        refused(400, "PERIOD_INVALID", "from=2026-03-01&to=2026-02-01");
        refused(400, "INVALID_PARAMETER", "from=2026-02-30&to=2026-03-01");
        refused(400, "EVALUATION_PERIOD_TOO_LONG", "from=2000-01-01&to=2026-01-01");
        refused(400, "EVALUATION_COHORT_UNKNOWN", "period=2026&cohort=pilots");
        refused(400, "EVALUATION_DISTRICT_UNKNOWN", "period=2026&cohort=district:火星区");
        refused(400, "EVALUATION_DISTRICT_UNKNOWN", "period=2026&compare=district:火星区");
        refused(400, "EVALUATION_COMPARE_UNKNOWN", "period=2026&compare=last-year");
        refused(400, "EVALUATION_COMPARE_SAME_COHORT", "period=2026&cohort=pilot&compare=pilot");
        refused(400, "EVALUATION_FORMAT_UNKNOWN", "period=2026&format=pdf");
    }

    @Test
    void onlyTheFederationTheHeadquartersAndAuditorsReadEvaluations() {
        assertThat(evaluation("period=2026", "admin").status()).isEqualTo(200);
        assertThat(evaluation("period=2026", "hq").status()).isEqualTo(200);
        refused(403, "FORBIDDEN", () -> evaluation("period=2026", "worker"));
        refused(403, "FORBIDDEN", () -> evaluation("period=2026", "rights-centre"));
        refused(401, "UNAUTHENTICATED", () -> evaluation("period=2026", null));
    }

    /**
     * Measures (never asserts) how long reports take over a larger history: 200,000 service rows written straight
     * into the read model for 2019, a year no other test here reads, after every other test of this class has run.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void measuresReportsOverManyServices() {
        int rows = 200_000;
        long inserting = System.nanoTime();
        jdbc.update("""
                INSERT INTO rm_service_record (service_record_id, station_id, station_name, district, station_point,
                    project_code, project_name, provider_kind, provider_name, delivered_at, participant_count,
                    description, satisfaction, recorded_at, last_sequence)
                SELECT 'measure-' || g, s.station_id, s.station_name, s.district, 'CONVENIENCE', 'HOUSEKEEPING', '家政',
                    'SOCIAL_WORKER', '王社工', timestamptz '2019-01-01 00:00:00+08' + (g % 365) * interval '1 day',
                    1 + g % 20, '测量用服务记录', CASE WHEN g % 7 = 0 THEN NULL ELSE 1 + g % 5 END, now(), 0
                FROM generate_series(1, ?) AS g
                JOIN (SELECT station_id, station_name, district,
                             row_number() OVER (ORDER BY station_id) - 1 AS n FROM rm_station) AS s
                  ON s.n = g % (SELECT count(*) FROM rm_station)""", rows);
        jdbc.execute("ANALYZE rm_service_record");
        System.out.printf("Inserted %,d service rows in %d ms%n", rows, (System.nanoTime() - inserting) / 1_000_000);
        for (String query : List.of("period=2019&cohort=all", "period=2019&cohort=pilot&compare=non-pilot",
                "period=2019-Q2&cohort=district:玄武区", "period=2019&cohort=all&format=html",
                "period=2019&cohort=all&format=csv")) {
            long[] millis = new long[7];
            for (int i = 0; i < millis.length; i++) {
                long start = System.nanoTime();
                assertThat(evaluation(query).status()).isEqualTo(200);
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
            java.util.Arrays.sort(millis);
            System.out.printf("Evaluation %-45s over %,d services: median %d ms, min %d ms, max %d ms%n", query,
                    rows, millis[millis.length / 2], millis[0], millis[millis.length - 1]);
        }
        assertThat(ok(evaluation("period=2019")).path("figures").path("services").path("services").asLong())
                .isEqualTo(rows);
    }

    // --- the workload ---

    /** Opened on the first of last month (business time), before the services dated then. */
    /**
     * Opened on the first of last month, a minute after the station opened before: the pilot is the first stations
     * opened (by business date), so the order must not be left to a tie (broken by random ids).
     */
    private String openStation(String home, String name) {
        Instant openedAt = previousMonth.atDay(1).atStartOfDay(SHANGHAI).toInstant().plusSeconds(60L * stationsOpened++);
        return created(api.post("hq", "/api/stations", """
                {"communityHomeId": "%s", "stationName": "%s", "openedAt": "%s"}"""
                .formatted(home, name, openedAt)));
    }

    private String service(String station, String point, String project, int participants, Instant deliveredAt,
                           Integer satisfaction) {
        return created(api.post("worker", "/api/stations/" + station + "/service-records", """
                {"stationPoint": "%s", "projectCode": "%s", "providerKind": "SOCIAL_WORKER", "socialWorkerIds": ["%s"],
                 "deliveredAt": "%s", "participantCount": %d, "description": "评估用服务记录"%s}"""
                .formatted(point, project, scenario.socialWorkerAt(station), deliveredAt, participants,
                        satisfaction == null ? "" : ", \"satisfaction\": " + satisfaction)));
    }

    private void survey(String home, String surveyedOn, int respondents, String needs) {
        created(api.post("worker", "/api/units/" + home + "/needs-surveys", """
                {"surveyedOn": "%s", "channel": "COMMUNITY_VISIT", "respondentCount": %d, "needs": [%s]}"""
                .formatted(surveyedOn, respondents, needs)));
    }

    private static String need(String category, int count) {
        return "{\"categoryCode\": \"%s\", \"count\": %d}".formatted(category, count);
    }

    private String referral(String station, String centre, String category) {
        return created(api.post("worker", "/api/stations/" + station + "/referrals", """
                {"centre": "%s", "category": "%s", "summary": "评估用转介", "consentGiven": true,
                 "consentMethod": "WRITTEN"}""".formatted(centre, category)));
    }

    private void hours(String volunteer, String serviceRecord, int minutes) {
        noContent(api.post("worker", "/api/volunteers/" + volunteer + "/hours",
                "{\"serviceRecordId\": \"" + serviceRecord + "\", \"minutes\": " + minutes + "}"));
    }

    private String fund(String source, long fen, Instant receivedAt) {
        return created(api.post("hq", "/api/funds", """
                {"source": "%s", "donor": "评估捐助方", "amountFen": %d, "receivedAt": "%s"}"""
                .formatted(source, fen, receivedAt)));
    }

    private String allocate(String fund, String to, long fen, Instant allocatedAt) {
        return created(api.post("hq", "/api/funds/" + fund + "/allocations",
                "{" + to + ", \"amountFen\": " + fen + ", \"allocatedAt\": \"" + allocatedAt + "\"}"));
    }

    private void spend(String fund, String allocation, long fen, Instant spentAt) {
        created(api.post("worker", "/api/funds/" + fund + "/allocations/" + allocation + "/expenditures", """
                {"amountFen": %d, "purpose": "活动物资", "spentAt": "%s"}""".formatted(fen, spentAt)));
    }

    // --- reading the report ---

    private Api.Response evaluation(String query) {
        return evaluation(query, "auditor");
    }

    private Api.Response evaluation(String query, String user) {
        return api.get(user, "/api/evaluations?" + query);
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private void refused(int status, String code, String query) {
        Api.Response response = refused(status, code, () -> evaluation(query));
        assertThat(response.body().path("detailEn").asText()).as(code).isNotBlank();
    }

    /** The hours from referral to a step, averaged over the referrals, as the API's dates give them. */
    private double averageHours(List<String> ids, String step) {
        double seconds = ids.stream().mapToDouble(id -> {
            JsonNode referral = api.get("admin", "/api/referrals/" + id).body();
            Duration taken = Duration.between(Instant.parse(referral.path("referredAt").asText()),
                    Instant.parse(referral.path(step).asText()));
            return taken.toNanos() / 1e9;
        }).average().orElseThrow();
        return Math.round(seconds / 3600 * 100) / 100.0;
    }

    private static Map<String, Long> numbers(JsonNode node, String... fields) {
        Map<String, Long> numbers = new LinkedHashMap<>();
        if (fields.length == 0) {
            node.fields().forEachRemaining(field -> numbers.put(field.getKey(), field.getValue().asLong()));
        }
        for (String field : fields) {
            assertThat(node.has(field)).as(field + " in " + node).isTrue();
            numbers.put(field, node.path(field).asLong());
        }
        return numbers;
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asLong()));
        return values;
    }

    private static Map<String, Long> counts(JsonNode byKey) {
        Map<String, Long> counts = new LinkedHashMap<>();
        byKey.forEach(count -> counts.put(count.path("key").asText(), count.path("services").asLong()));
        return counts;
    }

    private static JsonNode gap(JsonNode needs, String category) {
        for (JsonNode gap : needs.path("gap")) {
            if (gap.path("categoryCode").asText().equals(category)) {
                return gap;
            }
        }
        throw new AssertionError("no need category " + category + " in " + needs);
    }

    private static JsonNode source(JsonNode funding, String source) {
        for (JsonNode share : funding.path("bySource")) {
            if (share.path("source").asText().equals(source)) {
                return share;
            }
        }
        throw new AssertionError("no source " + source + " in " + funding);
    }

    /** A table row's value, comparison and difference as text (null when absent). */
    private static List<String> row(JsonNode report, String table, String key) {
        for (JsonNode candidate : report.path("tables")) {
            if (candidate.path("code").asText().equals(table)) {
                for (JsonNode row : candidate.path("rows")) {
                    if (row.path("key").asText().equals(key)) {
                        List<String> values = new ArrayList<>();
                        Stream.of("value", "comparison", "difference").forEach(field -> values.add(
                                row.hasNonNull(field) ? plain(row.path(field).decimalValue().toString()) : null));
                        return values;
                    }
                }
            }
        }
        throw new AssertionError("no row " + key + " in table " + table);
    }

    private static String text(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "" : plain(value.decimalValue().toString());
    }

    /** A number as text without trailing zeros (2.00 and 2.0 are 2), so JSON and CSV figures compare. */
    private static String plain(String number) {
        return number.isEmpty() ? "" : new BigDecimal(number).stripTrailingZeros().toPlainString();
    }

    /** One CSV line's fields (RFC 4180 quoting). */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
