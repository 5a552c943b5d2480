package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.common.DateTimeUtils;
import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network as of a past moment, on the real servers: a small history is built over HTTP, the moments between
 * its steps are noted, and the network as of each moment must be what was true then — a station suspended and
 * reopened, a home re-rated, a member admitted and expelled, services recorded, corrected and voided, a fund
 * received, allocated, spent and released. The network as of now must equal the live read models.
 */
class AsOfTest extends ApplicationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void answersWhatWasTrueAtEachMomentOfAHistory() {
        String project = "ASOF_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        created(api.post("hq", "/api/catalogues/SERVICE_PROJECT", """
                {"code": "%s", "name": "时点核对项目", "stationPoint": "CULTURE"}""".formatted(project)));
        String specialty = project + "_X";
        created(api.post("hq", "/api/catalogues/SPECIALTY_SERVICE", """
                {"code": "%s", "name": "秦淮灯彩制作"}""".formatted(specialty)));

        // Moment 1: a station at a demonstration home, an admitted member, two services, a fund.
        String station = scenario.openStation("夫子庙家庭驿站", "秦淮区");
        AtomicReference<String> home = new AtomicReference<>();
        Eventually.assertThat(() -> {
            home.set(api.get("auditor", "/api/stations/" + station).body().path("communityHomeId").asText(null));
            assertThat(home.get()).isNotNull();
        });
        String member = scenario.admittedMember("PUBLIC_WELFARE", "时点核对公益社");
        String first = scenario.recordService(station, "CULTURE", project, 10, "2026-10-01T02:00:00Z", "灯彩讲座");
        String second = scenario.recordService(station, "CULTURE", project, 5, "2026-10-02T02:00:00Z", "灯彩体验");
        String fund = UUID.randomUUID().toString();
        created(api.post("hq", "/api/funds", """
                {"fundId": "%s", "source": "SOCIAL_DONATION", "donor": "秦淮商会", "amountFen": 5000000,
                 "receivedAt": "2026-10-01T10:00:00+08:00"}""".formatted(fund)));
        Instant moment1 = between();

        // Moment 2: allocated and spent, suspended, re-rated, a point and a specialty changed, expelled, corrected,
        // voided.
        String allocation = created(api.post("hq", "/api/funds/" + fund + "/allocations",
                "{\"stationId\": \"%s\", \"amountFen\": 3000000, \"allocatedAt\": \"2026-10-10T10:00:00+08:00\"}"
                        .formatted(station)));
        created(api.post("worker", "/api/funds/" + fund + "/allocations/" + allocation + "/expenditures", """
                {"amountFen": 1000000, "purpose": "灯彩材料", "spentAt": "2026-10-20T14:00:00+08:00"}"""));
        noContent(api.post("hq", "/api/stations/" + station + "/suspension", "{\"reason\": \"场地维修\"}"));
        noContent(api.post("hq", "/api/units/" + home.get() + "/rating", "{\"tier\": \"STANDARD\", \"reason\": \"复评未通过\"}"));
        noContent(api.post("hq", "/api/stations/" + station + "/points/CONVENIENCE/deactivation",
                "{\"reason\": \"人手不足\"}"));
        noContent(api.post("hq", "/api/stations/" + station + "/specialties",
                "{\"specialtyCode\": \"%s\"}".formatted(specialty)));
        noContent(api.post("hq", "/api/alliance-members/" + member + "/expulsion", "{\"reason\": \"违反联盟公约\"}"));
        noContent(api.post("worker", "/api/service-records/" + first + "/corrections",
                "{\"changes\": {\"participantCount\": 12}, \"reason\": \"人数漏记\"}"));
        noContent(api.post("worker", "/api/service-records/" + second + "/voiding", "{\"reason\": \"重复录入\"}"));
        Instant moment2 = between();

        // Moment 3 (now): reopened, one more service, the allocation's rest released.
        noContent(api.post("hq", "/api/stations/" + station + "/reopening", "{\"reason\": \"维修完成\"}"));
        // The suspension released the station's social worker (StationSocialWorkersSaga, in its own time): once
        // released, they are assigned again.
        String socialWorker = scenario.socialWorkerAt(station);
        // (A 404, before the read side has the social worker at all, has no stationId either: wait for the release.)
        Eventually.assertThat(() -> {
            Api.Response worker = api.get("auditor", "/api/social-workers/" + socialWorker);
            assertThat(worker.status()).as(worker.toString()).isEqualTo(200);
            assertThat(worker.body().path("releasedAt").isTextual()).as(worker.toString()).isTrue();
            assertThat(worker.body().path("stationId").asText(null)).isNull();
        });
        noContent(api.post("hq", "/api/social-workers/" + socialWorker + "/assignment",
                "{\"stationId\": \"%s\"}".formatted(station)));
        scenario.recordService(station, "CULTURE", project, 7, "2026-10-03T02:00:00Z", "灯彩展览");
        noContent(api.post("hq", "/api/funds/" + fund + "/allocations/" + allocation + "/release",
                "{\"reason\": \"项目结束\"}"));

        // What the records said at each moment (record time).
        JsonNode then1 = asOf("?basis=RECORDED&at=" + moment1);
        assertThat(then1.path("timeBasis").asText()).isEqualTo("RECORDED");
        assertThat(then1.path("asOf").asText()).isEqualTo(moment1.truncatedTo(ChronoUnit.MILLIS).toString());
        assertThat(then1.path("lastGlobalIndex").asLong()).isBetween(lastIndexUpTo(moment1, fund),
                lastIndexUpTo(moment1, null));
        JsonNode station1 = find(then1.path("stations"), "stationId", station);
        assertThat(station1.path("status").asText()).isEqualTo("OPEN");
        assertThat(station1.path("homeTier").asText()).isEqualTo("PROVINCIAL_DEMONSTRATION");
        assertThat(station1.path("activePoints")).hasSize(5);
        assertThat(station1.path("specialties")).isEmpty();
        assertThat(station1.path("services").asLong()).isEqualTo(2);
        assertThat(find(then1.path("allianceMembers"), "memberId", member).path("status").asText())
                .isEqualTo("ADMITTED");
        JsonNode project1 = find(then1.path("services").path("byProject"), "key", project);
        assertThat(project1.path("services").asLong()).isEqualTo(2);
        assertThat(project1.path("participants").asLong()).isEqualTo(15);
        assertThat(project1.path("label").asText()).isEqualTo("时点核对项目");
        assertBalances(find(then1.path("funds").path("funds"), "fundId", fund), 5_000_000, 0, 0, 5_000_000);

        JsonNode then2 = asOf("?basis=RECORDED&at=" + moment2);
        assertThat(then2.path("lastGlobalIndex").asLong()).isBetween(lastIndexUpTo(moment2, fund),
                lastIndexUpTo(moment2, null));
        JsonNode station2 = find(then2.path("stations"), "stationId", station);
        assertThat(station2.path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(station2.path("homeTier").asText()).isEqualTo("STANDARD");
        assertThat(texts(station2.path("activePoints"))).doesNotContain("CONVENIENCE").hasSize(4);
        assertThat(station2.path("specialties").findValuesAsText("name")).containsExactly("秦淮灯彩制作");
        assertThat(station2.path("services").asLong()).isEqualTo(1);
        assertThat(find(then2.path("allianceMembers"), "memberId", member).path("status").asText())
                .isEqualTo("EXPELLED");
        JsonNode project2 = find(then2.path("services").path("byProject"), "key", project);
        assertThat(project2.path("services").asLong()).isEqualTo(1);
        assertThat(project2.path("participants").asLong()).isEqualTo(12);
        assertBalances(find(then2.path("funds").path("funds"), "fundId", fund), 5_000_000, 3_000_000, 1_000_000,
                2_000_000);

        // A day asks for its end, Asia/Shanghai: yesterday none of this had happened yet.
        LocalDate today = LocalDate.now(SHANGHAI);
        JsonNode yesterday = asOf("?basis=RECORDED&date=" + today.minusDays(1));
        assertThat(yesterday.path("asOf").asText())
                .isEqualTo(today.atStartOfDay(SHANGHAI).toInstant().minusMillis(1).toString());
        assertThat(yesterday.path("date").asText()).isEqualTo(today.minusDays(1).toString());
        assertThat(yesterday.path("stations").findValuesAsText("stationId")).doesNotContain(station);
        assertThat(yesterday.path("funds").path("funds").findValuesAsText("fundId")).doesNotContain(fund);

        // What had happened in the world by a date (business time, the default), as known today: the station opened
        // in 2014 counts; of the services only the first, delivered on 1 October, with its correction; the fund
        // received that day; its allocation of 10 October and the spending of 20 October not yet.
        JsonNode october2 = asOf("?date=2026-10-02");
        assertThat(october2.path("timeBasis").asText()).isEqualTo("BUSINESS");
        JsonNode stationOctober2 = find(october2.path("stations"), "stationId", station);
        assertThat(stationOctober2.path("status").asText()).isEqualTo("OPEN");
        assertThat(stationOctober2.path("openedAt").asText()).isEqualTo(Instant.parse("2013-12-31T16:00:00Z").toString());
        JsonNode projectOctober2 = find(october2.path("services").path("byProject"), "key", project);
        assertThat(projectOctober2.path("services").asLong()).isEqualTo(1);
        assertThat(projectOctober2.path("participants").asLong()).isEqualTo(12);
        assertBalances(find(october2.path("funds").path("funds"), "fundId", fund), 5_000_000, 0, 0, 5_000_000);
        JsonNode october25 = asOf("?date=2026-10-25");
        assertThat(find(october25.path("services").path("byProject"), "key", project).path("services").asLong())
                .isEqualTo(2);
        assertBalances(find(october25.path("funds").path("funds"), "fundId", fund), 5_000_000, 3_000_000, 1_000_000,
                2_000_000);

        // Today, and now, are the latest: they must agree with the live read models once those caught up.
        JsonNode byDate = asOf("?date=" + today);
        assertThat(find(byDate.path("stations"), "stationId", station).path("status").asText()).isEqualTo("OPEN");
        Eventually.assertThat(() -> {
            JsonNode now = asOf("");
            JsonNode projectNow = find(now.path("services").path("byProject"), "key", project);
            assertThat(projectNow.path("services").asLong()).isEqualTo(2);
            assertThat(projectNow.path("participants").asLong()).isEqualTo(19);
            assertBalances(find(now.path("funds").path("funds"), "fundId", fund), 5_000_000, 1_000_000, 1_000_000,
                    4_000_000);
            assertSameAsLiveReadModels(now);
        });
    }

    @Test
    void beforeTheFirstEventTheNetworkIsEmpty() {
        // By record time: units have no business date, and count in every answer by business time.
        JsonNode empty = asOf("?basis=RECORDED&date=2000-01-01");
        assertThat(empty.path("asOf").asText()).isEqualTo("2000-01-01T15:59:59.999Z");
        assertThat(empty.hasNonNull("lastGlobalIndex")).isFalse();
        assertThat(empty.path("eventsRead").asLong()).isZero();
        assertThat(empty.path("stations")).isEmpty();
        assertThat(empty.path("allianceMembers")).isEmpty();
        assertThat(empty.path("network").path("unitsByLevel")).isEmpty();
        assertThat(empty.path("services").path("total").asLong()).isZero();
        assertThat(empty.path("funds").path("receivedFen").asLong()).isZero();
    }

    @Test
    void refusesBadMomentsTheFutureAndRolesThatMayNotSeeTheWholeNetwork() {
        refused(400, "INVALID_PARAMETER", () -> api.get("auditor", "/api/as-of?date=2025-02-30"));
        refused(400, "INVALID_PARAMETER", () -> api.get("auditor", "/api/as-of?date=yesterday"));
        refused(400, "INVALID_PARAMETER", () -> api.get("auditor", "/api/as-of?at=2025-06-30T12:00:00"));
        refused(400, "AS_OF_AMBIGUOUS",
                () -> api.get("auditor", "/api/as-of?date=2025-06-30&at=2025-06-30T12:00:00Z"));
        LocalDate tomorrow = LocalDate.now(SHANGHAI).plusDays(1);
        Api.Response future = refused(422, "AS_OF_IN_FUTURE",
                () -> api.get("auditor", "/api/as-of?date=" + tomorrow));
        assertThat(future.body().path("field").asText()).isEqualTo("date");
        refused(422, "AS_OF_IN_FUTURE",
                () -> api.get("auditor", "/api/as-of?at=" + Instant.now().plus(1, ChronoUnit.HOURS)));
        refused(403, "FORBIDDEN", () -> api.get("worker", "/api/as-of"));
        refused(403, "FORBIDDEN", () -> api.get("rights-centre", "/api/as-of?date=2025-06-30"));
        refused(401, "UNAUTHENTICATED", () -> api.get(null, "/api/as-of"));
        for (String reader : List.of("admin", "hq", "auditor")) {
            assertThat(api.get(reader, "/api/as-of?date=2025-06-30").status()).as(reader).isEqualTo(200);
        }
    }

    /** Every fact the as-of answer shares with the live read models, for the whole network. */
    private void assertSameAsLiveReadModels(JsonNode now) {
        JsonNode network = api.get("auditor", "/api/dashboard/network").body();
        assertThat(now.path("network").path("unitsByLevel")).isEqualTo(network.path("unitsByLevel"));
        assertThat(now.path("network").path("byDistrict")).isEqualTo(network.path("byDistrict"));
        assertThat(now.path("network").path("activeStationPoints")).isEqualTo(network.path("activeStationPoints"));
        assertThat(sorted(now.path("network").path("specialties"), "code"))
                .isEqualTo(sorted(network.path("specialties"), "code"));

        JsonNode summary = api.get("auditor", "/api/dashboard/summary").body();
        assertThat(now.path("alliances")).isEqualTo(summary.path("allianceMembers"));
        JsonNode services = summary.path("services");
        for (String field : List.of("total", "participants", "averageSatisfaction")) {
            assertThat(now.path("services").path(field)).as(field).isEqualTo(services.path(field));
        }
        for (String list : List.of("byStationPoint", "byProject", "byDistrict", "byMonth")) {
            assertThat(sorted(now.path("services").path(list), "key")).as(list)
                    .isEqualTo(sorted(services.path(list), "key"));
        }

        List<JsonNode> stations = all("/api/stations");
        assertThat(now.path("stations")).hasSize(stations.size());
        for (JsonNode live : stations) {
            JsonNode then = find(now.path("stations"), "stationId", live.path("stationId").asText());
            for (String field : List.of("status", "homeTier", "district", "stationName", "activePoints")) {
                assertThat(then.path(field)).as(field).isEqualTo(live.path(field));
            }
        }
        List<JsonNode> members = all("/api/alliance-members");
        assertThat(now.path("allianceMembers")).hasSize(members.size());
        for (JsonNode live : members) {
            assertThat(find(now.path("allianceMembers"), "memberId", live.path("memberId").asText())
                    .path("status")).isEqualTo(live.path("status"));
        }
        List<JsonNode> funds = all("/api/funds");
        assertThat(now.path("funds").path("funds")).hasSize(funds.size());
        long received = 0;
        for (JsonNode live : funds) {
            JsonNode then = find(now.path("funds").path("funds"), "fundId", live.path("fundId").asText());
            assertBalances(then, live.path("receivedFen").asLong(), live.path("allocatedFen").asLong(),
                    live.path("spentFen").asLong(), live.path("unallocatedFen").asLong());
            received += live.path("receivedFen").asLong();
        }
        assertThat(now.path("funds").path("receivedFen").asLong()).isEqualTo(received);
    }

    private JsonNode asOf(String query) {
        Api.Response response = api.get("auditor", "/api/as-of" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    /** Every item of a paged list. */
    private List<JsonNode> all(String path) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = api.get("auditor", path + "?size=100&page=" + page).body();
            body.path("items").forEach(items::add);
            if (items.size() >= body.path("total").asLong() || body.path("items").isEmpty()) {
                return items;
            }
        }
    }

    /**
     * Now, once every event so far is behind it: the store keeps milliseconds, so this waits until the clock has
     * left the millisecond of now, and the next command's events are stored after the instant returned.
     */
    private static Instant between() {
        Instant now = Instant.now();
        Instant nextMillisecond = now.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        while (Instant.now().isBefore(nextMillisecond)) {
            Thread.onSpinWait();
        }
        return now;
    }

    /**
     * The position of the last event stored at or before the moment, of one aggregate or (null) of any: the answer
     * as of the moment includes the fund's last event then, and nothing stored after the moment.
     */
    private long lastIndexUpTo(Instant moment, String aggregateId) {
        return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry WHERE time_stamp <= ?"
                        + " AND (CAST(? AS VARCHAR) IS NULL OR aggregate_identifier = ?)", Long.class,
                DateTimeUtils.formatInstant(moment), aggregateId, aggregateId);
    }

    private static void assertBalances(JsonNode fund, long received, long allocated, long spent, long unallocated) {
        assertThat(fund.path("receivedFen").asLong()).as("received").isEqualTo(received);
        assertThat(fund.path("allocatedFen").asLong()).as("allocated").isEqualTo(allocated);
        assertThat(fund.path("spentFen").asLong()).as("spent").isEqualTo(spent);
        assertThat(fund.path("unallocatedFen").asLong()).as("unallocated").isEqualTo(unallocated);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no " + field + " = " + value + " in " + array);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static List<JsonNode> sorted(JsonNode array, String field) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        items.sort(Comparator.comparing((Function<JsonNode, String>) item -> item.path(field).asText()));
        return items;
    }

}
