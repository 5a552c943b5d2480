package org.familystation.app;

import org.familystation.app.support.Api;
import org.familystation.app.support.IntegrationTest;
import org.familystation.app.support.Scenario;
import org.familystation.app.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading one's own writes: a command answers its event position (X-Event-Position), and a query that carries it
 * (X-Min-Event-Position) answers only once the read side has it — the station's records and the search alike, at
 * once after the command, with no polling by the client.
 */
@IntegrationTest
class ReadYourWritesTest {

    @LocalServerPort
    int port;

    private Api api;
    private Scenario scenario;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        scenario = new Scenario(api);
        TestAccounts.awaitNetwork(api, scenario);
    }

    @Test
    void aQueryCarryingTheCommandsPositionAnswersWhatTheCommandDid() {
        String station = scenario.openStation("鸡鸣寺家庭驿站", "玄武区");
        String member = scenario.admittedMember("PUBLIC_WELFARE", "鸡鸣寺读书会");
        scenario.offer(member, station, "FAMILY_EDUCATION");
        String word = "亲子共读";

        Api.Response recorded = api.post("hq", "/api/stations/" + station + "/service-records", """
                {"stationPoint": "CULTURE", "projectCode": "FAMILY_EDUCATION", "providerKind": "ALLIANCE_MEMBER",
                 "providerMemberId": "%s", "deliveredAt": "2026-11-21T10:00:00+08:00", "participantCount": 8,
                 "description": "%s绘本活动"}""".formatted(member, word));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        String position = recorded.headers().getFirst("X-Event-Position");
        assertThat(position).isNotNull();
        assertThat(Long.parseLong(position)).isPositive();

        Map<String, String> waitFor = Map.of("X-Min-Event-Position", position);
        Api.Response records = api.send(HttpMethod.GET, "auditor",
                "/api/stations/" + station + "/service-records", null, waitFor);
        assertThat(records.status()).as(() -> records + "\n" + api.get("admin", "/api/admin/processors").body())
                .isEqualTo(200);
        assertThat(records.body().findValuesAsText("serviceRecordId")).contains(recorded.id());
        Api.Response search = api.send(HttpMethod.GET, "auditor", "/api/service-records/search?stationId=" + station
                + "&q=" + URLEncoder.encode(word, StandardCharsets.UTF_8), null, waitFor);
        assertThat(search.status()).as(search.toString()).isEqualTo(200);
        assertThat(search.body().path("items").findValuesAsText("serviceRecordId")).containsExactly(recorded.id());

        // A command without a body answers its position too.
        Api.Response voided = api.post("hq", "/api/service-records/" + recorded.id() + "/voiding",
                "{\"reason\": \"重复登记\"}");
        assertThat(voided.status()).as(voided.toString()).isEqualTo(204);
        assertThat(Long.parseLong(voided.headers().getFirst("X-Event-Position"))).isGreaterThan(Long.parseLong(position));
        Api.Response afterVoiding = api.send(HttpMethod.GET, "auditor", "/api/service-records/search?stationId="
                + station + "&q=" + URLEncoder.encode(word, StandardCharsets.UTF_8), null,
                Map.of("X-Min-Event-Position", voided.headers().getFirst("X-Event-Position")));
        assertThat(afterVoiding.body().path("items")).isEmpty();
    }

    @Test
    void aPositionThatIsNotAWholeNumberIsRefused() {
        Api.Response answer = api.send(HttpMethod.GET, "auditor", "/api/stations", null,
                Map.of("X-Min-Event-Position", "-3"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("MIN_EVENT_POSITION_INVALID");
        assertThat(answer.body().path("detail").asText()).contains("X-Min-Event-Position");
    }

    @Test
    void aPositionTheReadSideDoesNotReachInTimeAnswers503() {
        Api.Response answer = api.send(HttpMethod.GET, "auditor", "/api/stations", null,
                Map.of("X-Min-Event-Position", "900000000000"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.code()).isEqualTo("READ_MODEL_BEHIND");
        assertThat(answer.headers().getFirst("Retry-After")).isEqualTo("1");
    }
}
