package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Revision;
import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.Scenario;
import org.familystation.app.support.TestAccounts;
import org.familystation.app.support.TrailRows;
import org.familystation.events.common.CityCentre;
import org.familystation.events.common.ReferenceScenario;
import org.familystation.events.personaldata.PersonalData;
import org.familystation.platform.personaldata.PersonalDataProtection;
import org.familystation.platform.security.Role;
import org.familystation.query.common.QueryProperties;
import org.familystation.query.common.SecretFields;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail over HTTP on the real servers: a mixed workload of commands by several users of several units,
 * then the trail compared event by event with the event store, each filter, order and paging, both exports, who
 * may read it, and the refusals of bad filters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class AuditTrailTest extends ApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String DISTRICT = "江宁区";
    /** A reason a spreadsheet would run as a formula, with a separator, quotes and a line break in it. */
    private static final String FORMULA_REASON = "=HYPERLINK(\"http://example.com\",\"场地维修\")\n另行通知";

    /** Events of the store kept at an older revision of their type than the one the code now writes. */
    private final Set<String> storedAtOlderRevision = ConcurrentHashMap.newKeySet();

    @Autowired
    PersonalDataProtection protection;

    @Autowired
    QueryProperties queryProperties;

    private final HttpClient http = HttpClient.newHttpClient();

    /** When the workload began (the test and the application share the clock). */
    private Instant since;
    private String station;
    private String member;
    private String record;
    private String suspension;
    private String memberSuspension;
    /** The station worker of the test's home, whose commands carry that home's unit. */
    private String homeWorker;
    private String home;

    private String correlation(String what) {
        return "audit-" + what + "-" + UUID.randomUUID();
    }

    /** Several kinds of commands, by hq, the home's worker, admin and the rights centre's staff, some with a correlation id. */
    @BeforeAll
    void sendAMixedWorkload() {
        // The district's branch centre may be established on first use in an application: before the period looked
        // at, so this class reads the same run first in the suite as after others.
        scenario.branchCentre(DISTRICT);
        since = Instant.now();
        home = scenario.communityHome("审计测试妇女儿童之家", DISTRICT, "PROVINCIAL_DEMONSTRATION");
        homeWorker = TestAccounts.at(home, Role.STATION_WORKER);
        station = created(api.post("hq", "/api/stations", """
                {"communityHomeId": "%s", "stationName": "审计测试家庭驿站", "openedAt": "%s"}"""
                .formatted(home, Scenario.OPENED_AT)));
        suspension = correlation("suspension");
        noContent(api.post("hq", "/api/stations/" + station + "/suspension",
                "{\"reason\": \"消防检查整改，暂停开放\\\"两周\\\"\"}", Map.of("X-Correlation-Id", suspension)));
        noContent(api.post("hq", "/api/stations/" + station + "/reopening", "{\"reason\": \"整改完成\"}"));
        noContent(api.post("admin", "/api/stations/" + station + "/points/HAPPINESS/deactivation",
                "{\"reason\": %s}".formatted(json(FORMULA_REASON))));

        member = scenario.admittedMember("PUBLIC_WELFARE", "审计测试社工服务社" + UUID.randomUUID().toString()
                .substring(0, 6));
        scenario.offer(member, station, "PSYCHOLOGICAL_COUNSELLING");
        record = created(api.post(homeWorker, "/api/stations/" + station + "/service-records", """
                {"stationPoint": "EMOTIONAL", "projectCode": "PSYCHOLOGICAL_COUNSELLING",
                 "providerKind": "ALLIANCE_MEMBER", "providerMemberId": "%s", "deliveredAt": "2026-11-20T14:00:00+08:00", "participantCount": 10,
                 "description": "为社区单亲妈妈开展心理咨询小组活动", "satisfaction": 5}""".formatted(member)));
        noContent(api.post(homeWorker, "/api/service-records/" + record + "/corrections",
                "{\"changes\": {\"participantCount\": 12}, \"reason\": \"人数录错\"}"));
        noContent(api.post(homeWorker, "/api/service-records/" + record + "/voiding", "{\"reason\": \"重复录入\"}"));

        String referral = """
                {"centre": "RIGHTS_SERVICE_CENTRE", "category": "LEGAL_AID", "summary": "当事人需要法律援助",
                 "consentGiven": true, "consentMethod": "WRITTEN"}""";
        String accepted = created(api.post(homeWorker, "/api/stations/" + station + "/referrals", referral));
        noContent(api.post("rights-centre", "/api/referrals/" + accepted + "/acceptance", null));
        String declined = created(api.post(homeWorker, "/api/stations/" + station + "/referrals", referral));
        noContent(api.post("rights-centre", "/api/referrals/" + declined + "/decline",
                "{\"reason\": \"不属于本中心受理范围\"}"));

        String fund = created(api.post("hq", "/api/funds", """
                {"source": "SOCIAL_DONATION", "donor": "南京爱心基金会", "amountFen": 1000000,
                 "receivedAt": "2026-11-02T09:30:00+08:00"}"""));
        String allocation = created(api.post("hq", "/api/funds/" + fund + "/allocations",
                "{\"stationId\": \"%s\", \"amountFen\": 600000, \"allocatedAt\": \"2026-11-02T09:30:00+08:00\"}"
                        .formatted(station)));
        created(api.post(homeWorker, "/api/funds/" + fund + "/allocations/" + allocation + "/expenditures", """
                {"amountFen": 123456, "purpose": "亲子阅读角图书", "spentAt": "2026-11-20T14:00:00+08:00"}"""));
        created(api.post(homeWorker, "/api/units/" + home + "/needs-surveys", """
                {"surveyedOn": "2026-11-18", "channel": "COMMUNITY_VISIT", "respondentCount": 30,
                 "needs": [{"categoryCode": "FAMILY_EDUCATION", "count": 12}], "freeText": "希望开设四点半课堂"}"""));

        // One request, two events: the suspension, and (through a saga) the withdrawal of the member's offering.
        memberSuspension = correlation("member-suspension");
        noContent(api.post("hq", "/api/alliance-members/" + member + "/suspension",
                "{\"reason\": \"服务投诉待核查\"}", Map.of("X-Correlation-Id", memberSuspension)));
        awaitEvent("correlationId=" + memberSuspension + "&eventType=OfferingWithdrawn");
        awaitTrailHasCaughtUp(storedEvents());
    }

    /** Waits until every event of the store up to the last one given is in the trail. */
    private void awaitTrailHasCaughtUp(Map<String, ObjectNode> store) {
        long lastIndex = store.values().stream().mapToLong(event -> event.get("globalIndex").asLong()).max()
                .orElseThrow();
        Eventually.assertThat(() -> assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry stored WHERE global_index <= ?
                   AND NOT EXISTS (SELECT 1 FROM rm_audit_event trail WHERE trail.global_index = stored.global_index)""",
                Long.class, lastIndex)).as("events not in the trail yet").isZero());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Complete by construction

    @Test
    void everyEventOfTheStoreIsInTheTrailExactlyOnceWithItsMetadata() throws IOException {
        Map<String, ObjectNode> store = storedEvents();
        awaitTrailHasCaughtUp(store);

        long started = System.nanoTime();
        List<JsonNode> trail = jsonLines(download("auditor", "/api/audit/events.jsonl?order=oldest").body());
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, ObjectNode> storeAfter = storedEvents();

        Map<String, List<JsonNode>> byId = new HashMap<>();
        trail.forEach(entry -> byId.computeIfAbsent(entry.get("eventId").asText(), id -> new ArrayList<>()).add(entry));
        store.forEach((id, expected) -> {
            assertThat(byId.get(id)).as("trail entries of event " + id).hasSize(1);
            assertSameEvent(byId.get(id).get(0), expected);
        });
        // And nothing in the trail that is not in the store.
        trail.forEach(entry -> {
            ObjectNode expected = storeAfter.get(entry.get("eventId").asText());
            assertThat(expected).as("the store's event of trail entry " + entry).isNotNull();
            assertSameEvent(entry, expected);
        });
        assertThat(trail).extracting(entry -> entry.get("globalIndex").asLong()).isSorted().doesNotHaveDuplicates();

        Set<String> users = new HashSet<>(trail.stream().map(entry -> entry.path("userId").asText()).toList());
        assertThat(users).contains("hq", homeWorker, "admin", "rights-centre", "system");
        System.out.printf("Audit trail: %d events of the store compared one by one; the JSON Lines export of %d"
                + " entries took %.3f s%n", store.size(), trail.size(), seconds);
    }

    /**
     * The trail's entry equals the stored event: every field, payload and metadata compared as JSON. An event stored
     * at an older revision (as other tests of the run store them) is shown as its upcasters read it today: every
     * field it was stored with, with the same value, and what later revisions added.
     */
    private void assertSameEvent(JsonNode entry, ObjectNode stored) {
        ObjectNode actual = ((ObjectNode) entry).deepCopy();
        // PostgreSQL keeps microseconds: the instant is compared to the microsecond.
        actual.put("timestamp", Instant.parse(entry.get("timestamp").asText()).truncatedTo(ChronoUnit.MICROS)
                .toString());
        actual.set("payload", onlyFieldsOf(actual.get("payload"), stored.get("payload"),
                storedAtOlderRevision.contains(stored.get("eventId").asText())));
        // Through JSON text, as the entry came, so that numbers compare by value (not int against long).
        assertThat(actual).as("trail entry").isEqualTo(tree(json(stored).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The payload as shown, compared with the stored one. A personal value stored in plain text (as the system stored
     * them before encryption) and erased since is shown erased: it counts as the stored value here (PersonalDataTest
     * checks the erasure itself). With {@code upcast}, only the fields {@code stored} has are kept, nested objects
     * alike: what later revisions added is left out.
     */
    private static JsonNode onlyFieldsOf(JsonNode shown, JsonNode stored, boolean upcast) {
        if (shown == null || stored == null) {
            return shown;
        }
        if (shown.isTextual() && PersonalData.ERASED.equals(shown.asText()) && stored.isTextual()) {
            return stored;
        }
        if (!(shown instanceof ObjectNode shownFields) || !stored.isObject()) {
            return shown;
        }
        ObjectNode kept = JSON.createObjectNode();
        shownFields.fieldNames().forEachRemaining(name -> {
            if (stored.has(name)) {
                kept.set(name, onlyFieldsOf(shownFields.get(name), stored.get(name), upcast));
            } else if (!upcast) {
                kept.set(name, shownFields.get(name));
            }
        });
        return kept;
    }

    private static String currentRevision(String payloadType) {
        try {
            Revision revision = Class.forName(payloadType).getAnnotation(Revision.class);
            return revision == null ? null : revision.value();
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** Every event of the store as the trail should show it, by event id, read straight from domain_event_entry. */
    private Map<String, ObjectNode> storedEvents() {
        Map<String, ObjectNode> events = new HashMap<>();
        jdbc.query("SELECT * FROM domain_event_entry ORDER BY global_index", row -> {
            // The trail shows personal values opened (or erased), as auditors read them, and never a password hash.
            JsonNode payload = tree(protection.openAll(new String(row.getBytes("payload"), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
            if (payload instanceof ObjectNode fields) {
                fields.remove(SecretFields.NAMES);
            }
            JsonNode metadata = tree(row.getBytes("meta_data"));
            String payloadType = row.getString("payload_type");
            if (!Objects.equals(row.getString("payload_revision"), currentRevision(payloadType))) {
                storedAtOlderRevision.add(row.getString("event_identifier"));
            }
            ObjectNode event = JSON.createObjectNode()
                    .put("globalIndex", row.getLong("global_index"))
                    .put("eventId", row.getString("event_identifier"))
                    .put("timestamp", Instant.parse(row.getString("time_stamp")).truncatedTo(ChronoUnit.MICROS)
                            .toString())
                    .put("eventType", payloadType.substring(payloadType.lastIndexOf('.') + 1))
                    .put("aggregateId", row.getString("aggregate_identifier"))
                    .put("sequenceNumber", row.getLong("sequence_number"));
            // An event of no aggregate (a sign-in lockout) has no type: the entry leaves it out, as every null.
            if (row.getString("type") != null) {
                event.put("aggregateType", row.getString("type"));
            }
            copyText(metadata, "userId", event);
            copyText(metadata, "unitId", event);
            String reason = payload.hasNonNull("reason") ? payload.get("reason").asText()
                    : payload.hasNonNull("reviewerNotes") ? payload.get("reviewerNotes").asText() : null;
            if (reason != null && !reason.isBlank()) {
                event.put("reason", reason);
            }
            copyText(metadata, "correlationId", event);
            copyText(metadata, "causationId", event);
            event.set("payload", payload);
            event.set("metadata", metadata);
            events.put(event.get("eventId").asText(), event);
        });
        return events;
    }

    private static void copyText(JsonNode from, String field, ObjectNode to) {
        if (from.hasNonNull(field)) {
            to.put(field, from.get(field).asText());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Filters

    @Test
    void byEntityTheTrailShowsWhatTheEntitysHistoryShows() {
        JsonNode entries = page("aggregateId=" + station + "&order=oldest&size=100").get("items");
        assertThat(values(entries, "eventType")).containsExactly("StationOpened", "StationSuspended",
                "StationReopened", "StationPointDeactivated");
        assertThat(values(entries, "aggregateType")).containsOnly("Station");
        assertThat(values(entries, "sequenceNumber")).containsExactly("0", "1", "2", "3");
        assertThat(values(entries, "userId")).containsExactly("hq", "hq", "hq", "admin");
        String headquarters = ReferenceScenario.HEADQUARTERS_ID;
        assertThat(values(entries, "unitId")).containsExactly(headquarters, headquarters, headquarters,
                ReferenceScenario.FEDERATION_ID);
        assertThat(entries.get(1).path("reason").asText()).isEqualTo("消防检查整改，暂停开放\"两周\"");
        assertThat(entries.get(1).path("payload").path("reason").asText()).isEqualTo("消防检查整改，暂停开放\"两周\"");
        assertThat(entries.get(0).has("reason")).isFalse();

        // The same events as the entity's history, which reads the event store itself.
        JsonNode history = api.get("auditor", "/api/history/stations/" + station).body();
        assertThat(history).hasSize(entries.size());
        for (int i = 0; i < history.size(); i++) {
            assertThat(entries.get(i).get("sequenceNumber")).isEqualTo(history.get(i).get("sequenceNumber"));
            assertThat(entries.get(i).get("eventType").asText()).isEqualTo(history.get(i).get("type").asText());
            assertThat(entries.get(i).get("metadata")).isEqualTo(history.get(i).get("metadata"));
            assertThat(entries.get(i).get("payload")).isEqualTo(history.get(i).get("payload"));
        }

        assertThat(page("aggregateType=Station&aggregateId=" + station).get("total").asLong()).isEqualTo(4);
        assertThat(page("aggregateType=Fund&aggregateId=" + station).get("total").asLong()).isZero();
        JsonNode record = page("aggregateType=ServiceRecord&aggregateId=" + this.record + "&order=oldest").get("items");
        assertThat(values(record, "eventType")).containsExactly("ServiceRecorded", "ServiceRecordCorrected",
                "ServiceRecordVoided");
        assertThat(values(record, "reason")).containsExactly("", "人数录错", "重复录入");
    }

    @Test
    void byActorAndPeriod() {
        JsonNode centre = page("userId=rights-centre&from=" + since);
        assertThat(values(centre.get("items"), "eventType"))
                .containsExactly("ReferralDeclined", "ReferralAccepted");
        assertThat(values(centre.get("items"), "unitId")).containsOnly(
                ReferenceScenario.cityCentreId(CityCentre.RIGHTS_SERVICE_CENTRE));
        assertThat(centre.get("items").get(0).path("reason").asText()).isEqualTo("不属于本中心受理范围");

        JsonNode admin = page("userId=admin&from=" + since).get("items");
        assertThat(values(admin, "eventType")).containsExactly("StationPointDeactivated");
        assertThat(admin.get(0).path("reason").asText()).isEqualTo(FORMULA_REASON);
    }

    @Test
    void byUnit() {
        JsonNode atHome = page("unitId=" + home + "&from=" + since + "&size=100").get("items");
        assertThat(values(atHome, "eventType")).containsExactlyInAnyOrder("ServiceRecorded",
                "ServiceRecordCorrected", "ServiceRecordVoided", "CaseReferred", "CaseReferred",
                "ExpenditureRecorded", "NeedsSurveyRecorded");
        assertThat(values(atHome, "userId")).containsOnly(homeWorker);
        assertThat(values(page("unitId=" + ReferenceScenario.FEDERATION_ID + "&from=" + since).get("items"),
                "eventType")).containsExactly("StationPointDeactivated");
    }

    @Test
    void byEventTypeOneOrSeveral() {
        assertThat(values(page("eventType=StationSuspended&from=" + since).get("items"), "aggregateId"))
                .containsExactly(station);
        JsonNode both = page("eventType=StationReopened,StationSuspended&from=" + since).get("items");
        assertThat(values(both, "eventType")).containsExactly("StationReopened", "StationSuspended");
        assertThat(page("eventType=StationReopened&eventType=StationSuspended&from=" + since).get("items"))
                .isEqualTo(both);
        // Combined with the unit: hq suspended and reopened; admin did neither.
        assertThat(page("eventType=StationReopened,StationSuspended&unitId=federation&from=" + since)
                .get("total").asLong()).isZero();
    }

    @Test
    void byCorrelationIdEverythingOneRequestCaused() {
        JsonNode suspended = page("correlationId=" + suspension).get("items");
        assertThat(values(suspended, "eventType")).containsExactly("StationSuspended");
        assertThat(suspended.get(0).path("causationId").asText()).isNotBlank()
                .isNotEqualTo(suspended.get(0).path("eventId").asText());

        JsonNode caused = awaitEvent("correlationId=" + memberSuspension + "&eventType=OfferingWithdrawn");
        JsonNode all = page("correlationId=" + memberSuspension + "&order=oldest").get("items");
        assertThat(values(all, "eventType")).containsExactly("AllianceMemberSuspended", "OfferingWithdrawn");
        assertThat(values(all, "userId")).containsOnly("hq");
        assertThat(values(all, "reason")).containsExactly("服务投诉待核查", "联盟成员被暂停：服务投诉待核查");
        // The withdrawal was caused by the saga's command, not by the request's own command.
        assertThat(caused.path("causationId").asText()).isNotEqualTo(all.get(0).path("causationId").asText());
    }

    @Test
    void aPeriodOfInstantsIncludesFromAndExcludesTo() {
        JsonNode events = page("aggregateId=" + station + "&order=oldest").get("items");
        String second = events.get(1).get("timestamp").asText();
        String fourth = events.get(3).get("timestamp").asText();
        assertThat(values(page("aggregateId=" + station + "&order=oldest&from=" + second + "&to=" + fourth)
                .get("items"), "sequenceNumber")).containsExactly("1", "2");
        // The same instant written in Nanjing's offset; an unencoded '+' arrives as a space and is still read.
        String secondInNanjing = Instant.parse(second).atZone(SHANGHAI).toOffsetDateTime().toString();
        assertThat(secondInNanjing).endsWith("+08:00");
        assertThat(values(page("aggregateId=" + station + "&order=oldest&from=" + secondInNanjing).get("items"),
                "sequenceNumber")).containsExactly("1", "2", "3");
    }

    @Test
    void aPeriodOfDaysCountsWholeDaysOfTheUsersCalendar() {
        JsonNode events = page("aggregateId=" + station + "&order=oldest").get("items");
        List<LocalDate> days = new ArrayList<>();
        events.forEach(event -> days.add(Instant.parse(event.get("timestamp").asText()).atZone(SHANGHAI)
                .toLocalDate()));
        LocalDate first = days.get(0);
        long onThatDay = days.stream().filter(first::equals).count();
        assertThat(page("aggregateId=" + station + "&from=" + first + "&to=" + first).get("total").asLong())
                .isEqualTo(onThatDay);
        assertThat(page("aggregateId=" + station + "&to=" + first.minusDays(1)).get("total").asLong()).isZero();
        assertThat(page("aggregateId=" + station + "&from=" + days.get(days.size() - 1).plusDays(1))
                .get("total").asLong()).isZero();
    }

    @Test
    void ordersNewestOrOldestFirstAndPagesWithoutOverlap() {
        JsonNode oldest = page("aggregateId=" + station + "&order=oldest").get("items");
        List<String> newestPaged = new ArrayList<>();
        for (int number = 0; number < 3; number++) {
            JsonNode page = page("aggregateId=" + station + "&size=3&page=" + number);
            assertThat(page.get("total").asLong()).isEqualTo(4);
            assertThat(page.get("size").asInt()).isEqualTo(3);
            newestPaged.addAll(values(page.get("items"), "eventId"));
        }
        List<String> oldestIds = new ArrayList<>(values(oldest, "eventId"));
        assertThat(newestPaged).hasSize(4).doesNotHaveDuplicates();
        java.util.Collections.reverse(oldestIds);
        assertThat(newestPaged).isEqualTo(oldestIds);
        assertThat(values(page("aggregateId=" + station).get("items"), "eventId"))
                .isEqualTo(oldestIds);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Exports

    @Test
    void exportsCsvWithAByteOrderMarkFixedColumnsAndCellsExcelReadsAsText() {
        Download csv = download("auditor", "/api/audit/events.csv?aggregateId=" + station + "&order=oldest");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("content-type")).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(csv.header("content-disposition")).isEqualTo("attachment; filename=\"audit-trail.csv\"");
        assertThat(csv.body()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);

        List<List<String>> rows = parseCsv(new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8));
        assertThat(rows.get(0)).containsExactly("globalIndex", "eventId", "timestamp", "localTime", "eventType",
                "aggregateType", "aggregateId", "sequenceNumber", "userId", "unitId", "reason", "correlationId",
                "causationId", "payload", "metadata");
        JsonNode entries = page("aggregateId=" + station + "&order=oldest").get("items");
        assertThat(rows).hasSize(1 + entries.size());
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (int i = 0; i < entries.size(); i++) {
            List<String> row = rows.get(i + 1);
            JsonNode entry = entries.get(i);
            assertThat(row.get(0)).isEqualTo(entry.get("globalIndex").asText());
            assertThat(row.get(1)).isEqualTo(entry.get("eventId").asText());
            assertThat(row.get(2)).isEqualTo(entry.get("timestamp").asText());
            assertThat(row.get(3)).isEqualTo(local.format(Instant.parse(entry.get("timestamp").asText())
                    .atZone(SHANGHAI)));
            assertThat(row.subList(4, 10)).containsExactly(entry.get("eventType").asText(),
                    entry.get("aggregateType").asText(), station, entry.get("sequenceNumber").asText(),
                    entry.get("userId").asText(), entry.get("unitId").asText());
            assertThat(row.get(11)).isEqualTo(entry.get("correlationId").asText());
            assertThat(row.get(12)).isEqualTo(entry.get("causationId").asText());
            assertThat(tree(row.get(13).getBytes(StandardCharsets.UTF_8))).isEqualTo(entry.get("payload"));
            assertThat(tree(row.get(14).getBytes(StandardCharsets.UTF_8))).isEqualTo(entry.get("metadata"));
        }
        // The reasons: Chinese, quotes and a line break survive; a formula is kept as text.
        assertThat(rows.get(1).get(10)).isEmpty();
        assertThat(rows.get(2).get(10)).isEqualTo("消防检查整改，暂停开放\"两周\"");
        assertThat(rows.get(4).get(10)).isEqualTo("'" + FORMULA_REASON);
    }

    @Test
    void exportsXlsxWithTheCsvRowsAsTypedCells() throws IOException {
        String selection = "?aggregateId=" + station + "&order=oldest";
        Download xlsx = download("auditor", "/api/audit/events.xlsx" + selection);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("content-type"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.header("content-disposition")).isEqualTo("attachment; filename=\"audit-trail.xlsx\"");
        Download csv = download("auditor", "/api/audit/events.csv" + selection);
        List<List<String>> rows = parseCsv(new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8));

        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("全局序号");
            assertThat(sheet.getLastRowNum()).isEqualTo(rows.size() - 1);
            for (int i = 1; i < rows.size(); i++) {
                Row row = sheet.getRow(i);
                List<String> cells = new ArrayList<>();
                for (int column = 0; column < rows.get(0).size(); column++) {
                    Cell cell = row.getCell(column);
                    cells.add(cell == null ? "" : switch (column) {
                        case 0, 7 -> String.valueOf((long) cell.getNumericCellValue());
                        case 3 -> local.format(cell.getLocalDateTimeCellValue());
                        default -> cell.getStringCellValue();
                    });
                }
                // Text cells are never run as formulas, so the CSV's leading apostrophe is not needed.
                List<String> expected = new ArrayList<>(rows.get(i));
                if (expected.get(10).startsWith("'")) {
                    expected.set(10, expected.get(10).substring(1));
                }
                assertThat(cells).isEqualTo(expected);
            }
            assertThat(sheet.getRow(4).getCell(10).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(4).getCell(10).getStringCellValue()).isEqualTo(FORMULA_REASON);
        }
    }

    @Test
    void exportsJsonLinesEntryForEntryAsThePagesShowThem() {
        Download lines = download("admin", "/api/audit/events.jsonl?from=" + since
                + "&eventType=StationSuspended,StationReopened,ServiceRecordVoided,ReferralDeclined");
        assertThat(lines.status()).isEqualTo(200);
        assertThat(lines.header("content-type")).startsWith("application/jsonl");
        assertThat(lines.header("content-disposition")).isEqualTo("attachment; filename=\"audit-trail.jsonl\"");
        String text = new String(lines.body(), StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n").doesNotContain("\n\n");
        List<JsonNode> exported = jsonLines(lines.body());
        JsonNode paged = page("from=" + since
                + "&eventType=StationSuspended,StationReopened,ServiceRecordVoided,ReferralDeclined").get("items");
        assertThat(exported).hasSize(4).containsExactlyElementsOf(paged);
    }

    /**
     * A large export is streamed: rows written straight into the trail table (under an aggregate type of their own,
     * removed afterwards) are exported as they are read, each looked up in the store as an entry is. These find no
     * event there, so they have no payload: the store is shared, and 50,000 events in it would reach every processor
     * and every later replay of this run. Figures are printed, not asserted.
     */
    @Test
    void aLargeExportIsStreamed() throws IOException, InterruptedException {
        int rows = 50_000;
        String type = "AuditExportLoad" + UUID.randomUUID().toString().substring(0, 8);
        insertRows(type, rows);
        // As a table that has grown over time would be: with statistics.
        jdbc.execute("ANALYZE rm_audit_event");
        try {
            // Twice each: the first export of a format also pays for warming up the code it runs.
            for (String format : List.of("csv", "jsonl", "csv", "jsonl")) {
                HttpRequest request = request("auditor", "/api/audit/events." + format + "?aggregateType=" + type);
                long started = System.nanoTime();
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                long lines = 0;
                long firstLine = 0;
                long bytes = 0;
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                        StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        if (lines++ == 0) {
                            firstLine = System.nanoTime();
                        }
                        bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
                    }
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("content-length")).isEmpty();
                assertThat(lines).isEqualTo(format.equals("csv") ? rows + 1 : rows);
                System.out.printf("Audit export %s: %d rows, %.1f MB in %.2f s (%.0f rows/s), first line after"
                                + " %.3f s%n", format, rows, bytes / 1e6, seconds, rows / seconds,
                        (firstLine - started) / 1e9);
            }
        } finally {
            removeRows(type);
        }
    }

    /**
     * An export that fails once its first bytes are out (here an entry deep in the selection that cannot be read, as
     * a database that fails over mid-export would) fails the download: the connection is cut, and the client's read
     * ends in an error instead of in what looks like a complete file with the rest of the rows missing.
     */
    @Test
    void anExportThatFailsMidwayFailsTheDownload() throws InterruptedException {
        int rows = 5_000;
        String type = "AuditExportFault" + UUID.randomUUID().toString().substring(0, 8);
        insertRows(type, rows);
        insertUnreadableEvent(type); // in the store, so before the rows in the trail's order: last, newest first
        try {
            for (String format : List.of("jsonl", "csv")) {
                HttpRequest request = request("auditor", "/api/audit/events." + format + "?order=newest&aggregateType="
                        + type);
                HttpResponse<InputStream> response;
                long lines = 0;
                IOException cut = null;
                try {
                    response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                    assertThat(response.statusCode()).isEqualTo(200);
                    try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                            StandardCharsets.UTF_8))) {
                        while (reader.readLine() != null) {
                            lines++;
                        }
                    }
                } catch (IOException failed) {
                    cut = failed;
                }
                assertThat(cut).as(format + ": the download ended cleanly after " + lines + " lines").isNotNull();
                assertThat(lines).as(format).isLessThan(rows);
            }
        } finally {
            removeRows(type);
        }
    }

    /**
     * A client that stops reading midway is no failure of the export: it ends quietly (a line in the log at INFO),
     * and nothing is logged as an error.
     */
    @Test
    void aClientThatStopsReadingEndsTheExportQuietly(CapturedOutput output) throws Exception {
        int rows = 50_000; // far more than the sockets' buffers hold, so that the server's writes fail
        String type = "AuditExportGone" + UUID.randomUUID().toString().substring(0, 8);
        insertRows(type, rows);
        try {
            HttpRequest request = request("auditor", "/api/audit/events.jsonl?aggregateType=" + type);
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                assertThat(reader.readLine()).contains(type);
            } // closed after one line: the connection goes
            Eventually.assertThat(() -> assertThat(output.getOut())
                    .contains("Audit export ended early: the client stopped reading"));
            assertThat(output.getOut()).doesNotContain("Failed after the answer began");
        } finally {
            removeRows(type);
        }
    }

    /** The same failure before the first bytes are out is answered as any other failure: a 500 problem. */
    @Test
    void anExportThatFailsBeforeItsFirstBytesIsAProblem() {
        String type = "AuditExportFault" + UUID.randomUUID().toString().substring(0, 8);
        insertRows(type, 3);
        insertUnreadableEvent(type); // in the store, so before the rows in the trail's order: first, oldest first
        try {
            for (String format : List.of("jsonl", "csv", "xlsx")) {
                Download failed = download("auditor", "/api/audit/events." + format + "?order=oldest&aggregateType="
                        + type);
                assertThat(failed.status()).as(format).isEqualTo(500);
                assertThat(failed.header("content-type")).as(format).startsWith("application/problem+json");
                assertThat(tree(failed.body()).path("code").asText()).isEqualTo("INTERNAL_ERROR");
            }
        } finally {
            removeRows(type);
        }
    }

    /**
     * A page counts its selection only so far past its start ({@code PagedQuery.COUNT_CAP}, 10,000) and says when
     * its total is only "at least"; a page near the end counts exactly; the count endpoint counts the whole
     * selection, and refuses (422) a count that runs past its timeout instead of holding the database.
     */
    @Test
    void aLongSelectionIsCountedSoFarOnAPageAndWhollyOnRequest() {
        int rows = 50_000;
        String type = "AuditCount" + UUID.randomUUID().toString().substring(0, 8);
        insertRows(type, rows);
        Duration timeout = queryProperties.getAuditCountTimeout();
        try {
            JsonNode first = page("aggregateType=" + type);
            assertThat(first.get("items")).hasSize(20);
            assertThat(first.get("total").asLong()).isEqualTo(10_000);
            assertThat(first.get("totalExact").asBoolean()).isFalse();
            // Deeper, "at least" grows with the page: a pager can always go on.
            JsonNode deeper = page("aggregateType=" + type + "&page=100&size=50");
            assertThat(deeper.get("total").asLong()).isEqualTo(5_000 + 10_000);
            assertThat(deeper.get("totalExact").asBoolean()).isFalse();
            // Near the end the rest is counted, and the total is exact.
            JsonNode nearTheEnd = page("aggregateType=" + type + "&page=450&size=100");
            assertThat(nearTheEnd.get("items")).hasSize(100);
            assertThat(nearTheEnd.get("total").asLong()).isEqualTo(rows);
            assertThat(nearTheEnd.get("totalExact").asBoolean()).isTrue();
            JsonNode beyond = page("aggregateType=" + type + "&page=2147483647&size=100");
            assertThat(beyond.get("items")).isEmpty();
            assertThat(beyond.get("total").asLong()).isEqualTo(rows);
            // A short selection is exact on its first page.
            JsonNode few = page("aggregateType=" + type + "&aggregateId=load-7");
            assertThat(few.get("total").asLong()).isEqualTo(10);
            assertThat(few.get("totalExact").asBoolean()).isTrue();

            assertThat(count("aggregateType=" + type)).isEqualTo(rows);
            assertThat(count("aggregateType=" + type + "&order=oldest&aggregateId=load-7")).isEqualTo(10);
            assertThat(count("aggregateType=NoSuchType")).isZero();

            queryProperties.setAuditCountTimeout(Duration.ofMillis(1));
            Api.Response tooLong = refused(422, "AUDIT_COUNT_TOO_LONG",
                    () -> api.get("auditor", "/api/audit/events/count?aggregateType=" + type));
            assertThat(tooLong.body().path("detail").asText()).contains("0.001");
            // The timeout was the count's own: the connection it used counts again, without one.
            queryProperties.setAuditCountTimeout(timeout);
            for (int i = 0; i < 12; i++) {
                assertThat(count("aggregateType=" + type)).isEqualTo(rows);
            }
            assertThat(page("aggregateType=" + type).get("total").asLong()).isEqualTo(10_000);
        } finally {
            queryProperties.setAuditCountTimeout(timeout);
            removeRows(type);
        }
    }

    private long count(String query) {
        Api.Response response = api.get("auditor", "/api/audit/events/count?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body().get("total").asLong();
    }

    /**
     * Rows of the trail alone under an aggregate type of their own (the tests remove them afterwards), at global
     * indexes far beyond the store's: the newest of the trail.
     */
    private void insertRows(String aggregateType, int rows) {
        TrailRows.insert(jdbc, 9_000_000_000_000_000L + (System.nanoTime() % 1_000_000_000L) * 1_000_000L,
                aggregateType, "worker", rows);
    }

    /**
     * An event appended to the store that the export cannot read: its payload is nested deeper than the application
     * parses (Jackson's limit). Of a type no node knows, so that only the audit trail's processor handles it; returns
     * once the trail has it.
     */
    private void insertUnreadableEvent(String aggregateType) {
        String tooDeep = "{\"reason\": \"场地维修\", \"nested\": " + "[".repeat(3_000) + "]".repeat(3_000) + "}";
        String id = UUID.randomUUID().toString();
        long index = jdbc.queryForObject("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_type, time_stamp)
                VALUES (?, 0, ?, ?, ?, ?, 'org.familystation.test.Unreadable', ?) RETURNING global_index""",
                Long.class, "fault-" + id, aggregateType, id, "{\"userId\":\"worker\"}".getBytes(StandardCharsets.UTF_8),
                tooDeep.getBytes(StandardCharsets.UTF_8), Instant.now().toString());
        Eventually.assertThat(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM rm_audit_event WHERE global_index = ?", Long.class, index)).isOne());
    }

    /** Removes what {@link #insertRows} and {@link #insertUnreadableEvent} wrote, the trail's rows first. */
    private void removeRows(String aggregateType) {
        jdbc.update("DELETE FROM rm_audit_event WHERE aggregate_type = ?", aggregateType);
        jdbc.update("DELETE FROM domain_event_entry WHERE type = ?", aggregateType);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Who may read it, and refusals

    @Test
    void onlyAdminAndAuditorReadTheTrail() {
        for (String path : List.of("/api/audit/events", "/api/audit/events.csv", "/api/audit/events.jsonl",
                "/api/audit/events/count")) {
            for (String user : List.of("hq", "worker", "rights-centre")) {
                Api.Response refused = api.get(user, path);
                assertThat(refused.status()).as(user + " " + path).isEqualTo(403);
                assertThat(refused.code()).isEqualTo("FORBIDDEN");
            }
            assertThat(api.get(null, path).status()).isEqualTo(401);
            assertThat(api.get("auditor", path + "?aggregateId=" + station).status()).isEqualTo(200);
            assertThat(api.get("admin", path + "?aggregateId=" + station).status()).isEqualTo(200);
        }
    }

    @Test
    void refusesFiltersItDoesNotUnderstand() {
        Map<String, String> fields = new HashMap<>();
        for (String path : List.of("/api/audit/events", "/api/audit/events.csv", "/api/audit/events.jsonl",
                "/api/audit/events/count")) {
            Supplier<Api.Response> unknownType = () -> api.get("auditor", path + "?eventType=StationSuspended,"
                    + "StationBurnedDown");
            fields.put("AUDIT_EVENT_TYPE_UNKNOWN", refused(400, "AUDIT_EVENT_TYPE_UNKNOWN", unknownType)
                    .body().path("field").asText());
            assertThat(unknownType.get().body().path("detail").asText()).contains("StationBurnedDown");
            refused(400, "AUDIT_TIME_INVALID", () -> api.get("auditor", path + "?from=2026-13-01"));
            Api.Response badTo = refused(400, "AUDIT_TIME_INVALID", () -> api.get("auditor",
                    path + "?to=yesterday"));
            assertThat(badTo.body().path("field").asText()).isEqualTo("to");
            refused(400, "AUDIT_TIME_INVALID", () -> api.get("auditor", path + "?from=2026-11-02T25:00:00Z"));
            Api.Response backwards = refused(400, "PERIOD_INVALID", () -> api.get("auditor",
                    path + "?from=2026-11-10&to=2026-11-09"));
            assertThat(backwards.body().path("field").asText()).isEqualTo("from");
            refused(400, "PERIOD_INVALID", () -> api.get("auditor",
                    path + "?from=2026-11-10T02:00:00Z&to=2026-11-10T02:00:00Z"));
            refused(400, "AUDIT_ORDER_INVALID", () -> api.get("auditor", path + "?order=sideways"));
            Api.Response misspelt = refused(400, "AUDIT_PARAMETER_UNKNOWN", () -> api.get("auditor",
                    path + "?user=hq"));
            assertThat(misspelt.body().path("field").asText()).isEqualTo("user");
            assertThat(misspelt.body().path("detail").asText()).contains("userId");
            refused(400, "AUDIT_PARAMETER_REPEATED", () -> api.get("auditor",
                    path + "?userId=hq&userId=worker"));
        }
        assertThat(fields.get("AUDIT_EVENT_TYPE_UNKNOWN")).isEqualTo("eventType");
        // Pages: page from 0, size from 1 to 100; exports take no paging at all.
        refused(400, "PAGE_INVALID", () -> api.get("auditor", "/api/audit/events?page=-1"));
        refused(400, "PAGE_INVALID", () -> api.get("auditor", "/api/audit/events?size=0"));
        refused(400, "PAGE_INVALID", () -> api.get("auditor", "/api/audit/events?size=101"));
        refused(400, "INVALID_PARAMETER", () -> api.get("auditor", "/api/audit/events?size=many"));
        refused(400, "AUDIT_PARAMETER_UNKNOWN", () -> api.get("auditor", "/api/audit/events.csv?page=1"));
        refused(400, "AUDIT_PARAMETER_UNKNOWN", () -> api.get("auditor", "/api/audit/events.jsonl?size=5"));
        refused(400, "AUDIT_PARAMETER_UNKNOWN", () -> api.get("auditor", "/api/audit/events/count?page=0"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers

    /** A field of each entry, top level only (payload and metadata have fields of the same names). */
    private static List<String> values(JsonNode entries, String field) {
        List<String> values = new ArrayList<>();
        entries.forEach(entry -> values.add(entry.path(field).asText()));
        return values;
    }

    private JsonNode page(String query) {
        Api.Response response = api.get("auditor", "/api/audit/events?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    /** Waits until the trail has one entry for the query (the read side is eventually consistent), and returns it. */
    private JsonNode awaitEvent(String query) {
        Eventually.assertThat(() -> assertThat(page(query).get("total").asLong()).isEqualTo(1));
        return page(query).get("items").get(0);
    }

    private record Download(int status, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.getOrDefault(name, List.of()).stream().findFirst().orElse(null);
        }
    }

    private Download download(String user, String path) {
        try {
            HttpResponse<byte[]> response = http.send(request(user, path), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException(failed);
        }
    }

    /** A GET of the API as the user, for a client that reads the answer as it wants (whole, or as a stream). */
    private HttpRequest request(String user, String path) {
        return HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", basic(user)).build();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-demo")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> jsonLines(byte[] body) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(tree(line.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return lines;
    }

    private static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException invalid) {
            throw new IllegalStateException(invalid);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** RFC 4180: fields separated by commas, quoted when they hold commas, quotes or line breaks; CRLF ends a row. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field).as("the last row ends with CRLF").isEmpty();
        assertThat(row).isEmpty();
        return rows;
    }

}
