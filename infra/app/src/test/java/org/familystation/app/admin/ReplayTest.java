package org.familystation.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.familystation.app.support.Api;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.Scenario;
import org.familystation.app.support.SharedSearch;
import org.familystation.app.support.StandaloneApplication;
import org.familystation.loader.ScenarioLoader;
import org.familystation.query.servicerecord.ServiceRecordIndex;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuilding projections on an application of its own, loaded with the reference scenario and a mixed workload of
 * many kinds of commands through HTTP: search keeps answering through a blue/green rebuild of its index and finds
 * the same afterwards; every read model rebuilt from the events equals the live one, row for row, also when the
 * PostgreSQL read models (counters included) are rebuilt by four segments side by side; and the replay rates are
 * printed. Set {@code -Dfamilystation.replay.services=20000} for a larger measurement.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SharedSearch.Used
class ReplayTest {

    private static final int SERVICES = Integer.getInteger("familystation.replay.services", 2_000);
    private static final int SURVEYS = SERVICES / 10;
    private static final int REFERRALS = 60;
    private static final int FUNDS = 30;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dataDir;

    private static StandaloneApplication application;
    private static Api api;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void loadAMixedWorkload() {
        application = StandaloneApplication.startOnSharedSearch(dataDir);
        api = application.api();
        jdbc = application.bean(JdbcTemplate.class);
        ScenarioLoader loader = new ScenarioLoader(URI.create(api.base()), "admin", "admin-demo", 4,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        loader.load(SERVICES, SURVEYS, REFERRALS, FUNDS, 2014);
        moreKindsOfCommands();
        awaitQuiet();
        System.out.printf(Locale.ROOT, "Replay workload: %,d events in the store (%,d services, %,d surveys)%n",
                jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class), SERVICES, SURVEYS);
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
    }

    @Test
    @Order(1)
    void searchAnswersThroughoutARebuildOfItsIndexAndFindsTheSameAfterTheSwap() throws Exception {
        ServiceRecordIndex index = application.bean(ServiceRecordIndex.class);
        Set<String> oldIndex = index.indices(index.alias());
        // The test client encodes the query string itself.
        List<String> queries = List.of("q=心理", "q=法律", "q=家政", "q=心理 小组", "q=", "district=玄武区");
        // The processors are at the head, but a search sees a write only after the index's next refresh.
        long standing = jdbc.queryForObject("SELECT count(*) FROM rm_service_record WHERE NOT voided", Long.class);
        Eventually.assertThat(() -> assertThat(search("q=").path("total").asLong()).isEqualTo(standing));
        Map<String, JsonNode> before = new LinkedHashMap<>();
        for (String query : queries) {
            JsonNode page = search(query + "&sort=date&size=100");
            assertThat(page.path("total").asLong()).as(query).isPositive();
            before.put(query, page);
        }

        AtomicBoolean searching = new AtomicBoolean(true);
        AtomicBoolean replaying = new AtomicBoolean(false);
        AtomicInteger searches = new AtomicInteger();
        AtomicInteger searchesWhileReplaying = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        Thread searcher = new Thread(() -> {
            while (searching.get()) {
                for (String query : queries) {
                    boolean duringReplay = replaying.get();
                    Api.Response response = api.get("auditor", "/api/service-records/search?" + query);
                    if (response.status() != 200) {
                        failures.add(query + " answered " + response);
                    } else if (response.body().path("total").asLong() == 0) {
                        failures.add(query + " found nothing");
                    }
                    searches.incrementAndGet();
                    if (duringReplay && replaying.get()) {
                        searchesWhileReplaying.incrementAndGet();
                    }
                }
            }
        }, "searcher");
        searcher.start();

        Api.Response started = api.post("admin", "/api/admin/processors/search/rebuild", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.headers().getLocation()).isNotNull();
        String rebuild = started.body().path("id").asText();
        replaying.set(true);
        // Recorded while the index is rebuilt: searches find it at once (in the old index) and after the swap.
        String during = new Scenario(api).recordService(anyStation(), "HAPPINESS", "CULTURE_SPORTS", 12,
                "2026-11-20T02:00:00Z", "蓝绿切换期间记录的文体活动");
        JsonNode finished = awaitCaughtUp(rebuild);
        replaying.set(false);
        Eventually.assertThat(() -> assertThat(search("q=蓝绿切换").findValuesAsText("serviceRecordId"))
                .containsExactly(during));
        searching.set(false);
        searcher.join();

        assertThat(failures).isEmpty();
        assertThat(searchesWhileReplaying.get()).as("searches while the index was rebuilt").isPositive();
        Set<String> newIndex = index.indices(index.alias());
        assertThat(newIndex).isNotEqualTo(oldIndex).hasSize(1);
        assertThat(index.indices(index.writeAlias())).isEqualTo(newIndex);
        for (String query : queries) {
            JsonNode after = search(query + "&sort=date&size=100");
            JsonNode was = before.get(query);
            if (query.equals("q=")) {
                assertThat(after.path("total").asLong()).isEqualTo(was.path("total").asLong() + 1);
                continue;
            }
            assertThat(after.path("total").asLong()).as(query).isEqualTo(was.path("total").asLong());
            assertThat(after.path("items").findValuesAsText("serviceRecordId")).as(query)
                    .isEqualTo(was.path("items").findValuesAsText("serviceRecordId"));
            assertThat(after.path("items").findValuesAsText("description")).as(query)
                    .isEqualTo(was.path("items").findValuesAsText("description"));
        }
        System.out.printf(Locale.ROOT, "Search rebuild (search: both indexes): %s; %,d searches meanwhile, %,d of"
                        + " them while replaying, none failed or came back empty; index %s -> %s%n",
                rate(finished), searches.get(), searchesWhileReplaying.get(), oldIndex, newIndex);
    }

    @Test
    @Order(2)
    void everyReadModelRebuiltFromTheEventsEqualsTheLiveOne() {
        awaitQuiet();
        assertThat(api.get("admin", "/api/admin/dead-letters").body()).as("events parked before the rebuilds")
                .isEmpty();
        Map<String, List<String>> live = snapshot();
        Map<String, JsonNode> evaluationsLive = evaluations();
        assertThat(live).containsKeys("rm_station", "rm_service_record", "rm_fund", "rm_referral", "rm_volunteer");
        live.forEach((table, rows) -> System.out.printf(Locale.ROOT, "  %-28s %,7d rows%n", table, rows.size()));

        // The PostgreSQL read models alone first (one family: every group in it), for their replay rate.
        JsonNode alone = awaitCaughtUp(startRebuild("read-models"));
        System.out.println("Read-model rebuild (read-models, alone): " + rate(alone));

        List<String> replayable = new ArrayList<>();
        for (JsonNode processor : api.get("admin", "/api/admin/processors").body()) {
            if (processor.path("replayable").asBoolean()) {
                replayable.add(processor.path("name").asText());
            }
        }
        // The families: every projection is rebuilt with its family.
        assertThat(replayable).containsExactlyInAnyOrder("read-models", "search", "audit-trail");
        Map<String, String> rebuilds = new LinkedHashMap<>();
        replayable.forEach(name -> rebuilds.put(name, startRebuild(name)));
        rebuilds.forEach((name, id) -> System.out.printf(Locale.ROOT, "  rebuilt %-24s %s%n", name,
                rate(awaitCaughtUp(id))));

        assertThat(api.get("admin", "/api/admin/dead-letters").body()).as("events parked by the rebuilds").isEmpty();
        Map<String, List<String>> rebuilt = snapshot();
        assertThat(rebuilt.keySet()).isEqualTo(live.keySet());
        List<String> differences = new ArrayList<>();
        live.forEach((table, rows) -> {
            List<String> again = rebuilt.get(table);
            if (!again.equals(rows)) {
                List<String> missing = new ArrayList<>(rows);
                missing.removeAll(again);
                List<String> extra = new ArrayList<>(again);
                extra.removeAll(rows);
                differences.add(table + ": live " + rows.size() + " rows, rebuilt " + again.size()
                        + "; only live " + missing.stream().limit(3).toList()
                        + "; only rebuilt " + extra.stream().limit(3).toList());
            }
        });
        assertThat(differences).as("read models that differ after a rebuild").isEmpty();

        // Evaluations are a function of the read models: after a full replay they give the same numbers, stated at
        // the same event position (only when they were generated differs).
        assertThat(evaluations()).as("evaluations after a full replay").isEqualTo(evaluationsLive);
    }

    @Test
    @Order(3)
    void countersRebuiltByFourSegmentsSideBySideEqualTheLiveOnes() {
        awaitQuiet();
        Map<String, List<String>> live = snapshot();
        Map<String, JsonNode> dashboardsLive = dashboards();
        Map<String, JsonNode> evaluationsLive = evaluations();

        // The PostgreSQL read models, counters included, are read by one processor (their family).
        List<String> counted = List.of("read-models");
        EventProcessingConfiguration processing = application.bean(EventProcessingConfiguration.class);
        for (String name : counted) {
            StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                    .orElseThrow();
            // Split as Axon splits: 0 into 0 and 1, then each of them again.
            for (int segment : new int[]{0, 0, 1}) {
                Eventually.assertThat(() -> assertThat(processor.splitSegment(segment).get()).isTrue());
            }
            Eventually.assertThat(() -> assertThat(jdbc.queryForObject(
                    "SELECT count(*) FROM token_entry WHERE processor_name = ?", Long.class, name)).isEqualTo(4));
        }
        Map<String, String> rebuilds = new LinkedHashMap<>();
        counted.forEach(name -> rebuilds.put(name, startRebuild(name)));
        rebuilds.forEach((name, id) -> System.out.printf(Locale.ROOT, "  rebuilt %-24s %s (4 segments)%n", name,
                rate(awaitCaughtUp(id))));

        assertThat(api.get("admin", "/api/admin/dead-letters").body()).as("events parked by the rebuilds").isEmpty();
        // No deadlock count here: this application keeps one part per counter (it creates processors with one
        // segment, CounterParts), so its four segments may collide on a counter row and be retried, as any collision.
        // That segments with as many parts write apart is the projections' tests (fourSegmentsSideBySide...).
        Map<String, List<String>> rebuilt = snapshot();
        for (String table : live.keySet()) {
            assertThat(rebuilt.get(table)).as(table).isEqualTo(live.get(table));
        }
        assertThat(dashboards()).as("dashboards after the rebuilds by four segments").isEqualTo(dashboardsLive);
        assertThat(evaluations()).as("evaluations after the rebuilds by four segments").isEqualTo(evaluationsLive);
    }

    /** The dashboards that read the counters, for the whole network. */
    private static Map<String, JsonNode> dashboards() {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String path : List.of("/api/dashboard/summary", "/api/dashboard/needs", "/api/dashboard/funding",
                "/api/dashboard/summary?from=2025-01&to=2025-12")) {
            Api.Response response = api.get("auditor", path);
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
            answers.put(path, response.body());
        }
        return answers;
    }

    /** Evaluations of the whole history, for the pilot against everything else and for a district. */
    private static Map<String, JsonNode> evaluations() {
        Map<String, JsonNode> reports = new LinkedHashMap<>();
        for (String query : List.of("cohort=pilot&compare=all", "cohort=all&compare=previous-period",
                "cohort=demonstration&compare=none")) {
            String path = "/api/evaluations?from=2017-01-01&to=" + LocalDate.now(ZoneId.of("Asia/Shanghai"))
                    + "&" + query;
            Api.Response response = api.get("auditor", path);
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
            ObjectNode report = response.body().deepCopy();
            report.remove("generatedAt");
            // Whether the processors' tokens still say "replaying" (until they pass the reset position) is state, not
            // a figure: the position itself must be the same.
            ((ObjectNode) report.path("position")).remove("replaying");
            reports.put(query, report);
        }
        return reports;
    }

    /** The ids a search answers, once it answers as many as asked for. */
    private static List<String> awaitIds(String search, String idField, int count) {
        List<String> ids = new ArrayList<>();
        Eventually.assertThat(() -> {
            ids.clear();
            ids.addAll(api.get("auditor", search).body().findValuesAsText(idField));
            assertThat(ids).hasSize(count);
        });
        return ids;
    }

    /** Commands the loader does not send: corrections, voids, suspensions, people, a convention, later steps. */
    private static void moreKindsOfCommands() {
        // The loader answers when its commands are accepted; the search indexes may still be catching up.
        List<String> records = awaitIds("/api/service-records/search?q=&sort=date&size=6", "serviceRecordId", 6);
        ok(api.post("worker", "/api/service-records/" + records.get(0) + "/corrections",
                "{\"changes\": {\"participantCount\": 21, \"description\": \"更正后的心理咨询小组活动\"}, \"reason\": \"核对签到表\"}"));
        // The feedback makes the correction a change whatever the record's satisfaction was.
        ok(api.post("worker", "/api/service-records/" + records.get(1) + "/corrections",
                "{\"changes\": {\"satisfaction\": 3, \"feedback\": \"回访后更正的评价\"}, \"reason\": \"回访\"}"));
        ok(api.post("worker", "/api/service-records/" + records.get(2) + "/voiding", "{\"reason\": \"重复录入\"}"));

        List<String> surveys = awaitIds("/api/needs-surveys/search?q=&sort=date&size=3", "surveyId", 3);
        ok(api.post("worker", "/api/needs-surveys/" + surveys.get(0) + "/corrections",
                "{\"changes\": {\"freeText\": \"更正后的调研记录\"}, \"reason\": \"复核\"}"));
        ok(api.post("worker", "/api/needs-surveys/" + surveys.get(1) + "/voiding", "{\"reason\": \"重复录入\"}"));

        List<String> stations = api.get("auditor", "/api/stations?size=100").body().path("items")
                .findValuesAsText("stationId");
        ok(api.post("hq", "/api/stations/" + stations.get(0) + "/suspension", "{\"reason\": \"场地维修\"}"));
        ok(api.post("hq", "/api/stations/" + stations.get(0) + "/reopening", "{\"reason\": \"维修完成\"}"));
        ok(api.post("hq", "/api/stations/" + stations.get(1) + "/points/CULTURE/deactivation",
                "{\"reason\": \"活动室装修\"}"));

        List<String> members = api.get("auditor", "/api/alliance-members?status=ADMITTED").body()
                .findValuesAsText("memberId");
        ok(api.post("hq", "/api/alliance-members/" + members.get(0) + "/suspension", "{\"reason\": \"服务投诉待核查\"}"));
        ok(api.post("hq", "/api/alliance-members/" + members.get(0) + "/reinstatement", "{\"reason\": \"核查无误\"}"));
        ok(api.post("hq", "/api/alliance-members/" + members.get(1) + "/withdrawal", "{\"reason\": \"机构转型\"}"));
        ok(api.post("hq", "/api/alliances/PUBLIC_WELFARE/conventions",
                "{\"conventionVersion\": \"2026-replay\", \"gracePeriod\": \"P30D\", \"summary\": \"重放测试\"}"));

        String headquarters = api.get("auditor", "/api/units?level=OPERATIONS_HQ").body().path("items")
                .findValuesAsText("unitId").get(0);
        String worker = api.post("hq", "/api/social-workers", """
                {"name": "王静", "qualification": "SOCIAL_WORKER", "headquartersId": "%s"}""".formatted(headquarters))
                .id();
        ok(api.post("hq", "/api/social-workers/" + worker + "/assignment", "{\"stationId\": \"" + stations.get(2) + "\"}"));
        ok(api.post("hq", "/api/social-workers/" + worker + "/release", "{\"reason\": \"轮岗\"}"));
        ok(api.post("hq", "/api/social-workers/" + worker + "/assignment", "{\"stationId\": \"" + stations.get(3) + "\"}"));
        ok(api.post("hq", "/api/federation-staff", """
                {"name": "孙丽", "unitId": "%s"}""".formatted(headquarters)));
        String volunteer = api.post("hq", "/api/volunteers", """
                {"name": "陈静", "volunteerNumber": "NJ-REPLAY-001", "homeUnitId": "%s"}""".formatted(headquarters)).id();
        ok(api.post("worker", "/api/volunteers/" + volunteer + "/hours",
                "{\"serviceRecordId\": \"" + records.get(3) + "\", \"minutes\": 90}"));

        JsonNode accepted = api.get("auditor", "/api/referrals?status=ACCEPTED&size=5").body().path("items");
        if (!accepted.isEmpty()) {
            String referral = accepted.get(0).path("referralId").asText();
            ok(api.post("admin", "/api/referrals/" + referral + "/work", null));
            ok(api.post("admin", "/api/referrals/" + referral + "/resolution", "{\"outcome\": \"已协助解决\"}"));
            ok(api.post("admin", "/api/referrals/" + referral + "/closure", null));
        }
        JsonNode fund = api.get("auditor", "/api/funds?size=1").body().path("items").get(0);
        JsonNode allocations = api.get("auditor", "/api/funds/" + fund.path("fundId").asText()).body()
                .path("allocations");
        if (!allocations.isEmpty()) {
            ok(api.post("hq", "/api/funds/" + fund.path("fundId").asText() + "/allocations/"
                    + allocations.get(0).path("allocationId").asText() + "/release", "{\"reason\": \"项目调整\"}"));
        }
    }

    /** Waits until every processor has handled every event and no deadline is due soon. */
    private static void awaitQuiet() {
        Eventually.assertThat(() -> {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM deadline_schedule"
                    + " WHERE execution_time < now() + interval '1 minute'", Long.class)).isZero();
            for (JsonNode processor : api.get("admin", "/api/admin/processors").body()) {
                if (processor.path("lag").isNumber()) {
                    assertThat(processor.path("lag").asLong()).as(processor.toString()).isZero();
                }
            }
        });
    }

    private static String startRebuild(String processor) {
        Api.Response started = api.post("admin", "/api/admin/processors/" + processor + "/rebuild", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.body().path("state").asText()).isIn("REPLAYING", "CAUGHT_UP");
        return started.body().path("id").asText();
    }

    private static JsonNode awaitCaughtUp(String rebuild) {
        List<JsonNode> last = new ArrayList<>(List.of(api.get("admin", "/api/admin/rebuilds/" + rebuild).body()));
        // A family's replay of the whole history (every PostgreSQL read model at once): longer than a projection's
        // usual lag on a loaded machine, so a longer limit.
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode state = api.get("admin", "/api/admin/rebuilds/" + rebuild).body();
            last.set(0, state);
            assertThat(state.path("state").asText()).as(state.toString()).isNotEqualTo("FAILED");
            assertThat(state.path("state").asText()).isEqualTo("CAUGHT_UP");
        });
        JsonNode finished = last.get(0);
        assertThat(finished.path("eventsProcessed").asLong()).isEqualTo(finished.path("eventsTotal").asLong());
        return finished;
    }

    private static String rate(JsonNode rebuild) {
        Duration took = Duration.between(Instant.parse(rebuild.path("replayStartedAt").asText()),
                Instant.parse(rebuild.path("finishedAt").asText()));
        return String.format(Locale.ROOT, "%,d events replayed in %.1f s = %,.0f events/s",
                rebuild.path("eventsTotal").asLong(), took.toMillis() / 1000.0,
                rebuild.path("eventsPerSecond").asDouble());
    }

    private static Map<String, List<String>> snapshot() {
        return snapshot(jdbc);
    }

    /** Every read-model table (rm_*), its rows as text, sorted. */
    static Map<String, List<String>> snapshot(JdbcTemplate jdbc) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name LIKE 'rm\\_%'"
                + " ORDER BY table_name", String.class)) {
            List<String> rows = jdbc.query("SELECT * FROM " + table, (row, index) -> {
                ResultSetMetaData columns = row.getMetaData();
                StringBuilder text = new StringBuilder();
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    text.append(columns.getColumnName(column)).append('=').append(row.getString(column)).append(' ');
                }
                return text.toString();
            });
            rows.sort(null);
            tables.put(table, rows);
        }
        return tables;
    }

    private static String anyStation() {
        return api.get("auditor", "/api/stations?status=OPEN&size=1").body().path("items").get(0)
                .path("stationId").asText();
    }

    private static JsonNode search(String query) {
        Api.Response response = api.get("auditor", "/api/service-records/search?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 204);
    }
}
