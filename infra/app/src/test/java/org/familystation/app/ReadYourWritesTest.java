package org.familystation.app;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.familystation.app.support.Api;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.IntegrationTest;
import org.familystation.app.support.Scenario;
import org.familystation.app.support.TestAccounts;
import org.familystation.query.admin.TokenPositions;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.QueryProperties;
import org.familystation.query.common.ReadSideProgress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading one's own writes on the real servers: a command answers its event's position (X-Event-Position), and a query
 * that carries it ({@code ?minPosition=} or X-Min-Event-Position) answers what the command did, at once after the
 * command, with no polling by the client; a processor that takes none of the new events does not hold it back; when
 * the read side does not get there in time the query answers what it has, marked X-Read-Model-Stale.
 */
@IntegrationTest
class ReadYourWritesTest {

    private static final String STALE = "X-Read-Model-Stale";

    @LocalServerPort
    int port;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TokenPositions tokens;

    @Autowired
    QueryProperties queryProperties;

    @Autowired
    ReadSideProgress progress;

    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private Scenario scenario;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        scenario = new Scenario(api);
        TestAccounts.awaitNetwork(api, scenario);
        // A fresh application's search projection waits for the embedded Elasticsearch to start (up to a minute on a
        // busy machine): the reads below are about a running read side, so start from one that has caught up.
        long head = tokens.head();
        Eventually.assertThat(() -> assertThat(progress.behind(head)).isEmpty());
    }

    @Test
    void aQueryCarryingTheCommandsPositionAnswersWhatTheCommandDid() {
        // What this shows is that the answer includes the write; how long the wait may last is the next tests'
        // matter. On a loaded two-core machine a fresh index's first bulk request alone has taken over 5 s.
        Duration timeout = queryProperties.getReadYourWritesTimeout();
        queryProperties.setReadYourWritesTimeout(Duration.ofSeconds(60));
        try {
            readsItsWrites();
        } finally {
            queryProperties.setReadYourWritesTimeout(timeout);
        }
    }

    private void readsItsWrites() {
        String station = scenario.openStation("鸡鸣寺家庭驿站", "玄武区");
        String member = scenario.admittedMember("PUBLIC_WELFARE", "鸡鸣寺读书会");
        scenario.offer(member, station, "FAMILY_EDUCATION");

        // Several rounds: each reads right after its command, the search (slowest: a projection, then a refresh) too.
        Map<String, String> rounds = Map.of("心理", "心理咨询小组活动", "法律", "法律咨询讲座", "家政", "家政技能培训");
        for (String word : new String[] {"心理", "法律", "家政"}) {
            Api.Response recorded = api.post("hq", "/api/stations/" + station + "/service-records", """
                    {"stationPoint": "CULTURE", "projectCode": "FAMILY_EDUCATION", "providerKind": "ALLIANCE_MEMBER",
                     "providerMemberId": "%s", "deliveredAt": "2026-11-21T10:00:00+08:00", "participantCount": 8,
                     "description": "%s"}""".formatted(member, rounds.get(word)));
            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
            String position = position(recorded);

            Api.Response one = get("/api/service-records/" + recorded.id() + "?minPosition=" + position);
            assertThat(one.headers().getFirst(STALE)).as(one.toString()).isNull();
            assertThat(one.status()).as(one.toString()).isEqualTo(200);
            Api.Response list = get("/api/stations/" + station + "/service-records?minPosition=" + position);
            assertThat(list.body().findValuesAsText("serviceRecordId")).contains(recorded.id());
            Api.Response search = api.send(HttpMethod.GET, "auditor", "/api/service-records/search?stationId="
                    + station + "&q=" + word, null,
                    Map.of("X-Min-Event-Position", position));
            assertThat(search.status()).as(search.toString()).isEqualTo(200);
            assertThat(search.headers().getFirst(STALE)).as(search.toString()).isNull();
            assertThat(search.body().path("items").findValuesAsText("serviceRecordId")).as(() -> "behind now: "
                            + progress.behind(Long.parseLong(position)) + "; later: " + api.get("auditor",
                            "/api/service-records/search?stationId=" + station + "&q=" + word).body())
                    .containsExactly(recorded.id());
            for (Api.Response answer : new Api.Response[] {one, list, search}) {
                assertThat(answer.headers().getFirst(STALE)).as(answer.toString()).isNull();
            }
        }

        // A command that answers 204 (no body) answers its position too: the voiding shows at once.
        String first = firstRecord(station);
        Api.Response voided = api.post("hq", "/api/service-records/" + first + "/voiding",
                "{\"reason\": \"重复登记\"}");
        assertThat(voided.status()).as(voided.toString()).isEqualTo(204);
        Api.Response afterVoiding = get("/api/service-records/" + first + "?minPosition=" + position(voided));
        assertThat(afterVoiding.body().path("voided").asBoolean()).as(afterVoiding.toString()).isTrue();

        // A needs survey, searched at once in its own index.
        String home = scenario.communityHome("鸡鸣寺妇女儿童之家二", "玄武区", "STANDARD");
        Api.Response surveyed = api.post("admin", "/api/units/" + home + "/needs-surveys", """
                {"surveyedOn": "2026-11-18", "channel": "COMMUNITY_VISIT", "respondentCount": 30,
                 "needs": [{"categoryCode": "FAMILY_EDUCATION", "count": 12}], "freeText": "希望开设四点半课堂"}""");
        assertThat(surveyed.status()).as(surveyed.toString()).isEqualTo(201);
        Api.Response surveys = get("/api/needs-surveys/search?communityHomeId=" + home + "&q=课堂&minPosition="
                + position(surveyed));
        assertThat(surveys.status()).as(surveys.toString()).isEqualTo(200);
        assertThat(surveys.body().path("items").findValuesAsText("surveyId")).containsExactly(surveyed.id());
    }

    @Test
    void eachAnswerNamesItsOwnCommandsEventWhileOthersAreRecordedAtOnce() throws Exception {
        String station = scenario.openStation("台城家庭驿站", "玄武区");
        String member = scenario.admittedMember("PUBLIC_WELFARE", "台城读书会");
        scenario.offer(member, station, "FAMILY_EDUCATION");
        // Eight clients record at once, so other commands' events are appended between a command's and its answer.
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                answers.add(clients.submit(() -> api.post("hq", "/api/stations/" + station + "/service-records", """
                        {"stationPoint": "CULTURE", "projectCode": "FAMILY_EDUCATION", "providerKind": "ALLIANCE_MEMBER",
                         "providerMemberId": "%s", "deliveredAt": "2026-11-21T10:00:00+08:00", "participantCount": 8,
                         "description": "亲子阅读"}""".formatted(member))));
            }
            for (Future<Api.Response> answer : answers) {
                Api.Response recorded = answer.get(60, TimeUnit.SECONDS);
                assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
                Long stored = jdbc.queryForObject("SELECT global_index FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND sequence_number = 0", Long.class, recorded.id());
                assertThat(Long.parseLong(position(recorded))).as(recorded.toString()).isEqualTo(stored);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aProcessorThatTakesNoneOfTheNewEventsDoesNotHoldTheQueryBack() {
        String station = scenario.openStation("北极阁家庭驿站", "玄武区");
        String member = scenario.admittedMember("PUBLIC_WELFARE", "北极阁读书会");
        // Stopped here, the search indexes' processor stands where its stored token is: behind every offering made
        // from now on, none of which it takes. The default wait (5 s) would mark the answer stale if it counted.
        EventProcessor search = processing.eventProcessor(ProcessingGroups.SEARCH).orElseThrow();
        search.shutDown();
        try {
            Api.Response offered = api.post("hq", "/api/alliance-members/" + member + "/offerings", """
                    {"stationId": "%s", "projectCode": "FAMILY_EDUCATION", "pricing": "FREE", "capacity": 20,
                     "capacityPeriod": "PER_SESSION", "schedule": "每周日上午"}""".formatted(station));
            assertThat(offered.status()).as(offered.toString()).isEqualTo(201);
            long position = Long.parseLong(position(offered));
            assertThat(TokenPositions.slowest(tokens.segments(ProcessingGroups.SEARCH))).isLessThan(position);

            Api.Response list = get("/api/stations/" + station + "/offerings?minPosition=" + position);
            assertThat(list.status()).as(list.toString()).isEqualTo(200);
            assertThat(list.headers().getFirst(STALE)).isNull();
            assertThat(list.body().findValuesAsText("offeringId")).contains(offered.id());
        } finally {
            search.start();
        }
    }

    @Test
    void aQueryTheReadSideCannotAnswerInTimeAnswersWhatItHasMarkedStale() {
        String station = scenario.openStation("九华山家庭驿站", "玄武区");
        String member = scenario.admittedMember("PUBLIC_WELFARE", "九华山读书会");
        // The offerings' read model, stopped with the family that reads for it.
        EventProcessor offerings = processing.eventProcessorByProcessingGroup(ProcessingGroups.OFFERINGS)
                .orElseThrow();
        Duration timeout = queryProperties.getReadYourWritesTimeout();
        queryProperties.setReadYourWritesTimeout(Duration.ofMillis(300));
        offerings.shutDown();
        String offering;
        String position;
        try {
            Api.Response offered = api.post("hq", "/api/alliance-members/" + member + "/offerings", """
                    {"stationId": "%s", "projectCode": "FAMILY_EDUCATION", "pricing": "FREE", "capacity": 20,
                     "capacityPeriod": "PER_SESSION", "schedule": "每周六上午"}""".formatted(station));
            assertThat(offered.status()).as(offered.toString()).isEqualTo(201);
            offering = offered.id();
            position = position(offered);

            Api.Response stale = get("/api/stations/" + station + "/offerings?minPosition=" + position);
            assertThat(stale.status()).as(stale.toString()).isEqualTo(200);
            assertThat(stale.headers().getFirst(STALE)).isEqualTo("true");
            assertThat(stale.body().findValuesAsText("offeringId")).doesNotContain(offering);
        } finally {
            offerings.start();
            queryProperties.setReadYourWritesTimeout(timeout);
        }
        // Started again, the projection catches up and the same query answers it, fresh.
        Api.Response fresh = get("/api/stations/" + station + "/offerings?minPosition=" + position);
        assertThat(fresh.headers().getFirst(STALE)).as(fresh.toString()).isNull();
        assertThat(fresh.body().findValuesAsText("offeringId")).contains(offering);
    }

    @Test
    void aPositionThatIsNotAWholeNumberOrNotReachedByAnyEventIsRefused() {
        for (String given : new String[] {"-3", "abc", "", "1.5"}) {
            Api.Response answer = get("/api/stations?minPosition=" + given);
            assertThat(answer.status()).as(given + ": " + answer).isEqualTo(400);
            assertThat(answer.code()).isEqualTo("MIN_EVENT_POSITION_INVALID");
            assertThat(answer.body().path("detail").asText()).contains("X-Event-Position");
            assertThat(answer.body().path("detailEn").asText()).contains("whole number");
        }
        Api.Response header = api.send(HttpMethod.GET, "auditor", "/api/stations", null,
                Map.of("X-Min-Event-Position", "next"));
        assertThat(header.status()).as(header.toString()).isEqualTo(400);
        assertThat(header.code()).isEqualTo("MIN_EVENT_POSITION_INVALID");

        long beyond = tokens.head() + 1_000_000;
        Api.Response ahead = get("/api/dashboard/summary?minPosition=" + beyond);
        assertThat(ahead.status()).as(ahead.toString()).isEqualTo(400);
        assertThat(ahead.code()).isEqualTo("MIN_EVENT_POSITION_AHEAD");
        assertThat(ahead.body().path("detailEn").asText()).contains(Long.toString(beyond));
    }

    /**
     * What a position already reached adds to a query (printed, not asserted: figures on a shared two-core machine
     * vary): the processors' own status is read in memory, the event types after an idle processor's token with one
     * grouped query, and a search refreshes its index once per position.
     */
    @Test
    void printsWhatASatisfiedPositionAddsToAQuery() {
        String station = scenario.openStation("玄武湖家庭驿站", "玄武区");
        String member = scenario.admittedMember("PUBLIC_WELFARE", "玄武湖读书会");
        String recorded = scenario.recordService(station, "CULTURE", "FAMILY_EDUCATION", member, "湖畔读书会",
                "2026-11-21T10:00:00+08:00", 5);
        String position = Long.toString(tokens.head());
        Eventually.assertThat(() -> assertThat(get("/api/service-records/search?stationId=" + station
                + "&minPosition=" + position).body().path("items").findValuesAsText("serviceRecordId"))
                .contains(recorded));

        String detail = "/api/stations/" + station;
        String search = "/api/service-records/search?stationId=" + station + "&q=读书";
        int rounds = 200;
        for (String path : new String[] {detail, search}) {
            long[] without = time(path, rounds);
            long[] with = time(path + (path.contains("?") ? "&" : "?") + "minPosition=" + position, rounds);
            System.out.printf("read-your-writes %s: median %.2f ms without minPosition, %.2f ms with it satisfied"
                    + " (p90 %.2f / %.2f ms, %d rounds each)%n", path.startsWith("/api/service-records/search")
                    ? "search" : "station detail", millis(without, 50), millis(with, 50), millis(without, 90),
                    millis(with, 90), rounds);
        }
    }

    private long[] time(String path, int rounds) {
        long[] nanos = new long[rounds];
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            Api.Response answer = get(path);
            nanos[round] = System.nanoTime() - start;
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.headers().getFirst(STALE)).isNull();
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static double millis(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
    }

    private String firstRecord(String station) {
        return get("/api/stations/" + station + "/service-records").body().findValuesAsText("serviceRecordId").get(0);
    }

    private Api.Response get(String path) {
        return api.get("auditor", path);
    }

    private static String position(Api.Response commandAnswer) {
        String position = commandAnswer.headers().getFirst("X-Event-Position");
        assertThat(position).as(commandAnswer.toString()).isNotNull();
        assertThat(Long.parseLong(position)).isPositive();
        return position;
    }
}
