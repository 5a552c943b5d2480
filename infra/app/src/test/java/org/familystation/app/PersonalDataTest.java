package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.familystation.command.personaldata.PersonalDataRetention;
import org.familystation.events.personaldata.DataSubjectKind;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.Period;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal data under the PIPL, over HTTP on the real servers: personal values are not in the event store's bytes
 * as plain text; phones are masked for the roles that do not call people; reading a case in full is logged for
 * auditors; an erasure (on request, or by the retention job) removes the person's data from every read model,
 * search, export and history, and a rebuild of the projections does not bring it back.
 */
class PersonalDataTest extends ApplicationTest {

    private static final String ERASED = "已删除";
    private static final String SUMMARY = "王某某长期遭受配偶殴打，需要申请人身安全保护令";
    private static final String OUTCOME = "已协助王某某向法院申请人身安全保护令";
    private static final String PHONE = "13812341234";
    private static final String FREE_TEXT = "独居老人赵桂兰希望有人每周上门探望";

    @Autowired
    PersonalDataRetention retention;

    private final HttpClient http = HttpClient.newHttpClient();

    private String referral(String station) {
        String id = created(api.post("admin", "/api/stations/" + station + "/referrals", """
                {"centre": "RIGHTS_SERVICE_CENTRE", "category": "DOMESTIC_VIOLENCE_PROTECTION", "summary": "%s",
                 "consentGiven": true, "consentMethod": "WRITTEN"}""".formatted(SUMMARY)));
        String path = "/api/referrals/" + id;
        noContent(api.post("rights-centre", path + "/acceptance", null));
        noContent(api.post("rights-centre", path + "/work", null));
        noContent(api.post("rights-centre", path + "/resolution", "{\"outcome\": \"%s\"}".formatted(OUTCOME)));
        Eventually.assertThat(() -> assertThat(api.get("admin", path).body().path("status").asText())
                .isEqualTo("RESOLVED"));
        return id;
    }

    private String volunteer(String name) {
        return created(api.post("admin", "/api/volunteers", """
                {"name": "%s", "volunteerNumber": "PD-%s", "phone": "%s"}"""
                .formatted(name, UUID.randomUUID().toString().substring(0, 8).toUpperCase(), PHONE)));
    }

    private String survey(String home) {
        return created(api.post("admin", "/api/units/" + home + "/needs-surveys", """
                {"surveyedOn": "2026-11-18", "channel": "COMMUNITY_VISIT", "respondentCount": 5,
                 "needs": [{"categoryCode": "EMPTY_NEST_ELDERLY", "count": 3}], "freeText": "%s"}"""
                .formatted(FREE_TEXT)));
    }

    private Api.Response erase(String user, String kind, String id, String reason) {
        return api.post(user, "/api/personal-data/erasures", """
                {"subjectKind": "%s", "subjectId": "%s", "reason": %s}"""
                .formatted(kind, id, reason == null ? "null" : "\"" + reason + "\""));
    }

    private String storedPayloads(String aggregateId) {
        return String.join("\n", jdbc.query(
                "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                (row, index) -> new String(row.getBytes("payload"), StandardCharsets.UTF_8), aggregateId));
    }

    private String download(String user, String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api.base() + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return response.body();
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException(failed);
        }
    }

    @Test
    void personalValuesAreEncryptedInTheEventStore() {
        String station = scenario.openStation("个人信息加密家庭驿站", "秦淮区");
        String referral = referral(station);
        String volunteer = volunteer("刘加密");

        String stored = storedPayloads(referral) + storedPayloads(volunteer);
        assertThat(stored).contains("pd1:REFERRAL/" + referral + ":", "pd1:VOLUNTEER/" + volunteer + ":")
                .doesNotContain(SUMMARY).doesNotContain(OUTCOME).doesNotContain("刘加密").doesNotContain(PHONE);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM personal_data_key
                WHERE subject_kind = 'REFERRAL' AND subject_id = ? AND data_key IS NOT NULL""", Long.class,
                referral)).isOne();

        // Read back in full where the role may read it.
        assertThat(api.get("auditor", "/api/referrals/" + referral).body().path("summary").asText())
                .isEqualTo(SUMMARY);
        Eventually.assertThat(() -> assertThat(api.get("admin", "/api/volunteers/" + volunteer).body()
                .path("name").asText()).isEqualTo("刘加密"));
    }

    @Test
    void phonesAreWholeOnlyForAdministratorsAndOperators() {
        String volunteer = volunteer("陈掩码");
        Eventually.assertThat(() -> assertThat(api.get("admin", "/api/volunteers/" + volunteer).status())
                .isEqualTo(200));

        for (String user : List.of("admin", "hq")) {
            assertThat(api.get(user, "/api/volunteers/" + volunteer).body().path("phone").asText())
                    .as(user).isEqualTo(PHONE);
        }
        for (String user : List.of("worker", "auditor", "rights-centre")) {
            Api.Response one = api.get(user, "/api/volunteers/" + volunteer);
            if (one.status() == 200) {
                assertThat(one.body().path("phone").asText()).as(user).isEqualTo("138****1234");
            }
            Api.Response list = api.get(user, "/api/volunteers?name=陈掩码");
            if (list.status() == 200) {
                assertThat(list.body().path("items").findValuesAsText("phone")).as(user)
                        .doesNotContain(PHONE);
            }
        }
        assertThat(api.get("auditor", "/api/volunteers/" + volunteer).body().path("phone").asText())
                .isEqualTo("138****1234");
    }

    @Test
    void readingACaseInFullIsLoggedForAuditors() {
        String station = scenario.openStation("个案查阅记录家庭驿站", "秦淮区");
        String referral = referral(station);
        Instant before = Instant.now();

        assertThat(api.get("auditor", "/api/referrals/" + referral).body().path("summary").asText())
                .isEqualTo(SUMMARY);
        assertThat(api.get("rights-centre", "/api/referrals/" + referral).status()).isEqualTo(200);

        Api.Response log = api.get("auditor", "/api/audit/case-reads?referralId=" + referral);
        assertThat(log.status()).as(log.toString()).isEqualTo(200);
        List<JsonNode> reads = List.copyOf(log.body().path("items").findParents("username"));
        assertThat(reads).extracting(read -> read.path("username").asText())
                .contains("auditor", "rights-centre");
        JsonNode latest = reads.get(0);
        assertThat(latest.path("referralId").asText()).isEqualTo(referral);
        assertThat(Instant.parse(latest.path("readAt").asText())).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(latest.path("username").asText()).as("latest first").isEqualTo("rights-centre");
        assertThat(log.body().path("items").toString()).contains("\"AUDITOR\"", "\"CENTRE_STAFF\"")
                .doesNotContain("ROLE_");
        // The list of referrals shows no summary, and so logs nothing.
        long logged = jdbc.queryForObject("SELECT count(*) FROM case_read_log WHERE referral_id = ?", Long.class,
                referral);
        api.get("auditor", "/api/referrals?stationId=" + station);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM case_read_log WHERE referral_id = ?", Long.class,
                referral)).isEqualTo(logged);
        assertThat(api.get("worker", "/api/audit/case-reads?referralId=" + referral).status()).isEqualTo(403);
    }

    @Test
    void erasureRefusalsWriteNothing() {
        String volunteer = volunteer("孙拒绝");
        refused(403, "FORBIDDEN", () -> erase("hq", "VOLUNTEER", volunteer, "本人申请删除"));
        refused(400, "SUBJECT_KIND_UNKNOWN", () -> erase("admin", "CAT", volunteer, "本人申请删除"));
        refused(400, "SUBJECT_ID_REQUIRED", () -> erase("admin", "VOLUNTEER", " ", "本人申请删除"));
        refused(400, "ERASURE_REASON_REQUIRED", () -> erase("admin", "VOLUNTEER", volunteer, null));
        noContent(erase("admin", "VOLUNTEER", volunteer, "本人依《个人信息保护法》第四十七条申请删除"));
        refused(409, "PERSONAL_DATA_ALREADY_ERASED",
                () -> erase("admin", "VOLUNTEER", volunteer, "本人再次申请删除"));
    }

    @Test
    void anErasedPersonIsGoneFromReadModelsSearchExportsHistoryAndRebuilds() {
        String station = scenario.openStation("个人信息删除家庭驿站", "秦淮区");
        String home = scenario.communityHome("个人信息删除妇女儿童之家", "秦淮区", "STANDARD");
        String referral = referral(station);
        String volunteer = volunteer("周删除");
        String survey = survey(home);
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/needs-surveys/search?q=赵桂兰")
                .body().path("items").findValuesAsText("surveyId")).contains(survey));
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/volunteers/" + volunteer).status())
                .isEqualTo(200));

        noContent(erase("admin", "REFERRAL", referral, "当事人依《个人信息保护法》第四十七条申请删除"));
        noContent(erase("admin", "VOLUNTEER", volunteer, "志愿者本人申请删除"));
        noContent(erase("admin", "NEEDS_SURVEY", survey, "受访人申请删除"));

        Eventually.assertThat(() -> assertErased(referral, volunteer, survey));
        // The erasure is in the audit trail, with who and why.
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/audit/events?eventType=PersonalDataErased"
                + "&size=100").body().path("items").findValuesAsText("reason"))
                .contains("当事人依《个人信息保护法》第四十七条申请删除"));

        // The families that read referrals, people, needs (read-models), the needs-survey index and the audit trail.
        for (String processor : List.of("read-models", "search", "audit-trail")) {
            Api.Response started = api.post("admin", "/api/admin/processors/" + processor + "/rebuild", null);
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            String rebuild = started.body().path("id").asText();
            // A family's replay of the whole shared history: a longer limit than a projection's usual lag.
            Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(api.get("admin", "/api/admin/rebuilds/" + rebuild).body()
                            .path("state").asText()).isEqualTo("CAUGHT_UP"));
        }
        Eventually.assertThat(() -> assertErased(referral, volunteer, survey));
    }

    @Test
    void anErasureReachesEventsStoredInPlainTextBeforeEncryption() {
        String volunteer = UUID.randomUUID().toString();
        // A volunteer as an older revision of the system stored them: the name and phone in plain text.
        jdbc.update("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                VALUES (?, 0, 'Volunteer', ?, ?, ?, '1', 'org.familystation.events.people.VolunteerRegistered', ?)""",
                volunteer, UUID.randomUUID().toString(),
                "{\"userId\":\"hq\"}".getBytes(StandardCharsets.UTF_8),
                ("{\"volunteerId\":\"" + volunteer + "\",\"name\":\"钱旧数据\",\"volunteerNumber\":\"OLD-"
                        + volunteer.substring(0, 8).toUpperCase() + "\",\"phone\":\"13912345678\","
                        + "\"registeredAt\":\"2025-01-01T02:00:00Z\"}").getBytes(StandardCharsets.UTF_8),
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        Eventually.assertThat(() -> assertThat(api.get("admin", "/api/volunteers/" + volunteer).body()
                .path("name").asText()).isEqualTo("钱旧数据"));

        noContent(erase("admin", "VOLUNTEER", volunteer, "志愿者本人申请删除旧数据"));

        Eventually.assertThat(() -> assertPlainVolunteerErased(volunteer));
        for (String processor : List.of("read-models", "audit-trail")) {
            Api.Response started = api.post("admin", "/api/admin/processors/" + processor + "/rebuild", null);
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            String rebuild = started.body().path("id").asText();
            // A family's replay of the whole shared history: a longer limit than a projection's usual lag.
            Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(api.get("admin", "/api/admin/rebuilds/" + rebuild).body()
                            .path("state").asText()).isEqualTo("CAUGHT_UP"));
        }
        Eventually.assertThat(() -> assertPlainVolunteerErased(volunteer));
    }

    @Test
    void aCaseIsKeptForTheRetentionPeriodAfterTheReferralEnded() {
        String station = scenario.openStation("保留期个案家庭驿站", "秦淮区");
        String endedLongAgo = referral(station);
        String stillOpen = referral(station);
        // The first referral was closed two hundred years ago: stored as the store keeps a closing.
        long next = jdbc.queryForObject("SELECT max(sequence_number) + 1 FROM domain_event_entry"
                + " WHERE aggregate_identifier = ?", Long.class, endedLongAgo);
        jdbc.update("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                VALUES (?, ?, 'Referral', ?, ?, ?, '1', 'org.familystation.events.referral.ReferralClosed',
                        '1826-01-01T02:00:00Z')""",
                endedLongAgo, next, UUID.randomUUID().toString(),
                "{\"userId\":\"rights-centre\"}".getBytes(StandardCharsets.UTF_8),
                ("{\"referralId\":\"" + endedLongAgo + "\",\"stationId\":\"" + station
                        + "\",\"centre\":\"RIGHTS_SERVICE_CENTRE\",\"closedAt\":\"1826-01-01T02:00:00Z\"}")
                        .getBytes(StandardCharsets.UTF_8));

        int erased = retention.eraseDue(Map.of(DataSubjectKind.REFERRAL, Period.ofYears(100)), Instant.now());

        assertThat(erased).isOne();
        Eventually.assertThat(() -> {
            assertThat(api.get("auditor", "/api/referrals/" + endedLongAgo).body().path("summary").asText())
                    .isEqualTo(ERASED);
            assertThat(api.get("auditor", "/api/referrals/" + stillOpen).body().path("summary").asText())
                    .as("an open case is kept").isEqualTo(SUMMARY);
        });
    }

    private void assertPlainVolunteerErased(String volunteer) {
        JsonNode person = api.get("admin", "/api/volunteers/" + volunteer).body();
        assertThat(person.path("name").asText()).isEqualTo(ERASED);
        assertThat(person.path("phone").asText()).isEqualTo(ERASED);
        String everywhere = api.get("auditor", "/api/history/volunteers/" + volunteer).body().toString()
                + download("auditor", "/api/audit/events.jsonl?aggregateId=" + volunteer)
                + download("auditor", "/api/audit/events.csv?aggregateId=" + volunteer);
        assertThat(everywhere).contains(ERASED).doesNotContain("钱旧数据").doesNotContain("13912345678");
    }

    private void assertErased(String referral, String volunteer, String survey) {
        JsonNode details = api.get("auditor", "/api/referrals/" + referral).body();
        assertThat(details.path("summary").asText()).isEqualTo(ERASED);
        assertThat(details.path("outcome").asText()).isEqualTo(ERASED);
        assertThat(details.path("stationName").asText()).isEqualTo("个人信息删除家庭驿站");

        JsonNode person = api.get("admin", "/api/volunteers/" + volunteer).body();
        assertThat(person.path("name").asText()).isEqualTo(ERASED);
        assertThat(person.path("phone").asText()).isEqualTo(ERASED);

        assertThat(api.get("auditor", "/api/needs-surveys/" + survey).body().path("freeText").asText())
                .isEqualTo(ERASED);
        assertThat(api.get("auditor", "/api/needs-surveys/search?q=赵桂兰").body().path("items")
                .findValuesAsText("surveyId")).doesNotContain(survey);

        String history = api.get("auditor", "/api/history/referrals/" + referral).body().toString()
                + api.get("auditor", "/api/history/volunteers/" + volunteer).body().toString()
                + api.get("auditor", "/api/history/needs-surveys/" + survey).body().toString();
        String trail = download("auditor", "/api/audit/events.jsonl?aggregateId=" + referral)
                + download("auditor", "/api/audit/events.csv?aggregateId=" + referral)
                + download("auditor", "/api/audit/events.jsonl?aggregateId=" + volunteer)
                + download("auditor", "/api/audit/events.jsonl?aggregateId=" + survey);
        for (String exported : List.of(history, trail)) {
            assertThat(exported).contains(ERASED).doesNotContain(SUMMARY).doesNotContain(OUTCOME)
                    .doesNotContain("周删除").doesNotContain(PHONE).doesNotContain("赵桂兰").doesNotContain("pd1:");
        }
    }

    @Test
    void theRetentionJobErasesWhatIsKeptLongerThanItsPeriod() {
        String old = volunteer("吴保留期");
        String recent = volunteer("郑保留期");
        jdbc.update("""
                UPDATE personal_data_key SET created_at = now() - INTERVAL '200 years'
                WHERE subject_kind = 'VOLUNTEER' AND subject_id = ?""", old);

        int erased = retention.eraseDue(Map.of(DataSubjectKind.VOLUNTEER, Period.ofYears(100)), Instant.now());

        assertThat(erased).isOne();
        Eventually.assertThat(() -> {
            assertThat(api.get("admin", "/api/volunteers/" + old).body().path("name").asText()).isEqualTo(ERASED);
            assertThat(api.get("admin", "/api/volunteers/" + recent).body().path("name").asText())
                    .isEqualTo("郑保留期");
        });
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/audit/events?eventType="
                + "PersonalDataErased&size=100").body().path("items").findValuesAsText("reason"))
                .contains("retention"));
    }
}
