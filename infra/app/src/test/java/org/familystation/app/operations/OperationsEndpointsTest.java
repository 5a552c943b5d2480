package org.familystation.app.operations;

import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator's tools see on the shared application: health probes open to a load balancer (liveness, and
 * readiness naming the event store, the read store, search and the processors, all UP on a healthy node; details only
 * for ADMIN), and the Prometheus metrics (ADMIN only) with the commands by outcome, the processors' lag and dead
 * letters, and the searches' latency.
 */
class OperationsEndpointsTest extends ApplicationTest {

    @BeforeEach
    void setUp() {
        // The shared application is ready once its embedded Elasticsearch has started: on a machine shared by many
        // builds that has taken minutes.
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(api.get(null, "/actuator/health/readiness").status()).isEqualTo(200));
    }

    @Test
    void healthProbesAreOpenAndTellTheTruth() {
        Eventually.assertThat(() -> {
            Api.Response readiness = api.get(null, "/actuator/health/readiness");
            assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
            assertThat(readiness.body().path("status").asText()).isEqualTo("UP");
            JsonNode components = readiness.body().path("components");
            for (String component : new String[]{"readinessState", "eventStore", "readStore", "search", "processors"}) {
                assertThat(components.path(component).path("status").asText()).as(component).isEqualTo("UP");
            }
            // Anonymous callers see names and states, never details (addresses, errors, lag figures).
            assertThat(components.path("search").has("details")).isFalse();
        });
        Api.Response liveness = api.get(null, "/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.body().path("status").asText()).isEqualTo("UP");
        assertThat(liveness.body().path("components").has("search")).as("liveness never depends on a server")
                .isFalse();

        // The whole health is UP too: Boot's indicator probing localhost:9200 is gone.
        Api.Response whole = api.get(null, "/actuator/health");
        assertThat(whole.status()).as(whole.toString()).isEqualTo(200);
        assertThat(whole.body().path("components").has("elasticsearch")).isFalse();

        Api.Response detailed = api.get("admin", "/actuator/health/readiness");
        assertThat(detailed.body().path("components").path("search").path("details").path("status").asText())
                .isIn("green", "yellow");
        assertThat(detailed.body().path("components").path("processors").path("details").path("processors")
                .has("search")).as(detailed.toString()).isTrue();
        assertThat(detailed.body().path("components").path("eventStore").path("details").path("headPosition")
                .asLong()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void metricsNameCommandsByOutcomeProcessorsAndSearches() throws Exception {
        String home = scenario.communityHome("指标测试妇女儿童之家", "秦淮区", "PROVINCIAL_DEMONSTRATION");
        String body = """
                {"communityHomeId": "%s", "stationName": "指标测试家庭驿站"}""".formatted(home);
        assertThat(api.post("hq", "/api/stations", body).status()).isEqualTo(201);
        Api.Response refused = api.post("hq", "/api/stations", body);
        assertThat(refused.status()).as(refused.toString()).isBetween(400, 499);
        assertThat(api.get("auditor", "/api/service-records/search?q=指标").status()).isEqualTo(200);

        assertThat(scrape(null).statusCode()).as("metrics need credentials").isEqualTo(401);
        assertThat(scrape("auditor").statusCode()).as("and the ADMIN role").isEqualTo(403);
        HttpResponse<String> metrics = scrape("admin");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("familystation_commands_seconds_count{code=\"none\",command=\"OpenStation\",outcome=\"accepted\"}")
                .contains("familystation_commands_seconds_count{code=\"" + refused.code()
                        + "\",command=\"OpenStation\",outcome=\"refused\"}")
                .contains("familystation_commands_seconds_bucket{")
                .contains("familystation_processor_lag{processor=\"search\"}")
                .contains("familystation_processor_dead_letters{processor=\"search\"}")
                .contains("familystation_processor_error{processor=\"search\"}")
                .contains("familystation_search_seconds_count{index=\"service-records\",outcome=\"ok\"}")
                .containsPattern("(?m)^familystation_changes_running \\d")
                .containsPattern("(?m)^familystation_changes_waiting \\d")
                .containsPattern("(?m)^familystation_changes_limit \\d")
                .containsPattern("(?m)^familystation_changes_wait_seconds_count \\d");
    }

    private HttpResponse<String> scrape(String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + "/actuator/prometheus"));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
