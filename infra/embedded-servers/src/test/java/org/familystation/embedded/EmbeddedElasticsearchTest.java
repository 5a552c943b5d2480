package org.familystation.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.familystation.platform.search.ElasticsearchEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two starts of a real server (~15 s each): analysis and indexing on the first, the data still there on the second;
 * a start that fails early; and a first start that misses its deadline, started again by its supervisor.
 */
class EmbeddedElasticsearchTest {

    private static final String INDEX = "stations";
    private static final String TEXT = "社区心理咨询服务";
    private static final String INDEX_SETTINGS = """
            {
              "settings": {
                "number_of_replicas": 0,
                "analysis": {
                  "filter": {
                    "bigrams_and_unigrams": {"type": "cjk_bigram", "output_unigrams": true, "ignored_scripts": ["hangul"]}
                  },
                  "analyzer": {
                    "bigrams": {"type": "custom", "tokenizer": "standard", "filter": ["cjk_width", "lowercase", "cjk_bigram"]},
                    "both": {"type": "custom", "tokenizer": "standard", "filter": ["bigrams_and_unigrams"]},
                    "words": {"type": "custom", "tokenizer": "smartcn_tokenizer", "filter": ["lowercase"]}
                  }
                }
              },
              "mappings": {
                "properties": {
                  "name": {"type": "text", "analyzer": "cjk", "fields": {"words": {"type": "text", "analyzer": "smartcn"}}}
                }
              }
            }""";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dataDir;

    @BeforeEach
    void letTheServerUserIn() throws IOException {
        // JUnit creates the folder with mode 700, which the server's user (nobody, when run as root) cannot enter.
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void analysesChineseAndKeepsDocumentsAcrossRestarts() {
        ApplicationContextRunner application = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EmbeddedElasticsearchAutoConfiguration.class))
                .withPropertyValues("familystation.data-dir=" + dataDir,
                        "familystation.embedded.elasticsearch.heap=256m");

        application.run(context -> {
            URI es = context.getBean(ElasticsearchEndpoint.class).uri();

            // Loopback only: neither HTTP nor the transport port is reachable from another machine.
            JsonNode node = json.readTree(send(es, "GET", "/_nodes/_local/http,transport", null).body())
                    .path("nodes").elements().next();
            List<String> bound = new ArrayList<>();
            node.at("/http/bound_address").forEach(address -> bound.add(address.asText()));
            node.at("/transport/bound_address").forEach(address -> bound.add(address.asText()));
            assertThat(bound).hasSizeGreaterThanOrEqualTo(2).allMatch(address -> address.startsWith("127.0.0.1:"));

            assertThat(tokens(es, "/_analyze", """
                    {"tokenizer": "standard", "filter": ["cjk_width", "lowercase", "cjk_bigram"], "text": "%s ＡＢＣ"}"""
                    .formatted(TEXT)))
                    .containsExactly("社区", "区心", "心理", "理咨", "咨询", "询服", "服务", "abc");
            assertThat(tokens(es, "/_analyze", """
                    {"analyzer": "smartcn", "text": "%s"}""".formatted(TEXT)))
                    .containsExactly("社区", "心理", "咨询", "服务");

            assertThat(send(es, "PUT", "/" + INDEX, INDEX_SETTINGS).statusCode()).isEqualTo(200);
            assertThat(tokens(es, "/" + INDEX + "/_analyze", """
                    {"analyzer": "bigrams", "text": "%s"}""".formatted(TEXT)))
                    .containsExactly("社区", "区心", "心理", "理咨", "咨询", "询服", "服务");
            assertThat(tokens(es, "/" + INDEX + "/_analyze", """
                    {"analyzer": "both", "text": "心理 한국어"}"""))
                    .containsExactly("心", "心理", "理", "한국어");
            assertThat(tokens(es, "/" + INDEX + "/_analyze", """
                    {"analyzer": "words", "text": "我们提供%s"}""".formatted(TEXT)))
                    .containsExactly("我们", "提供", "社区", "心理", "咨询", "服务");
            assertThat(tokens(es, "/" + INDEX + "/_analyze", """
                    {"analyzer": "cjk", "text": "心理咨询 The ＷＯＲＬＤ"}"""))
                    .containsExactly("心理", "理咨", "咨询", "world");

            assertThat(send(es, "PUT", "/" + INDEX + "/_doc/1?refresh=true", """
                    {"name": "朝阳%s站"}""".formatted(TEXT)).statusCode()).isEqualTo(201);
            assertThat(hits(es, "name", "心理咨询")).isEqualTo(1);
            assertThat(hits(es, "name.words", "咨询")).isEqualTo(1);
            assertThat(hits(es, "name", "理财")).isZero();
        });

        application.run(context -> {
            URI es = context.getBean(ElasticsearchEndpoint.class).uri();
            HttpResponse<String> document = send(es, "GET", "/" + INDEX + "/_doc/1", null);
            assertThat(json.readTree(document.body()).at("/_source/name").asText()).isEqualTo("朝阳" + TEXT + "站");
            assertThat(hits(es, "name", "心理咨询")).isEqualTo(1);
        });
        assertThat(dataDir.resolve("elasticsearch/elasticsearch.pid")).as("stopped with the context").doesNotExist();
    }

    @Test
    void reportsTheServerOutputWhenItCannotStart() throws IOException {
        try (EmbeddedElasticsearch server = EmbeddedElasticsearch.start(dataDir.resolve("elasticsearch"), "1x",
                ElasticsearchInstallation.defaultDistribution(), Duration.ofSeconds(60))) {
            assertThatThrownBy(server::uri)
                    .hasRootCauseInstanceOf(IllegalStateException.class)
                    .rootCause().hasMessageContaining("exited with code").hasMessageContaining("1x");
        }
        assertThat(dataDir.resolve("elasticsearch/elasticsearch.pid")).doesNotExist();
    }

    @Test
    void aFirstStartThatMissesItsDeadlineIsRetriedByItsSupervisor() throws Exception {
        // No server starts in a millisecond (a fast machine started one in under 5 s, which this test once used);
        // the supervisor tries again with twice the configured deadline, then four times, …
        try (EmbeddedElasticsearch server = EmbeddedElasticsearch.startWithFirstDeadline(
                dataDir.resolve("elasticsearch"), "256m", ElasticsearchInstallation.defaultDistribution(),
                Duration.ofMillis(1), Duration.ofSeconds(60))) {
            assertThatThrownBy(server::uri).rootCause().hasMessageContaining("was not ready in time");
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (server.restarts() == 0) {
                assertThat(System.nanoTime() - deadline).as("started again within 10 minutes").isNegative();
                Thread.sleep(500);
            }
            assertThat(send(server.uri(), "GET", "/_cluster/health", null).statusCode()).isEqualTo(200);
        }
        assertThat(dataDir.resolve("elasticsearch/elasticsearch.pid")).doesNotExist();
    }

    private List<String> tokens(URI es, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(es, "POST", path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> tokens = new ArrayList<>();
        json.readTree(response.body()).path("tokens").forEach(token -> tokens.add(token.path("token").asText()));
        return tokens;
    }

    private long hits(URI es, String field, String query) throws IOException, InterruptedException {
        HttpResponse<String> response = send(es, "POST", "/" + INDEX + "/_search", """
                {"query": {"match": {"%s": {"query": "%s", "operator": "and"}}}}""".formatted(field, query));
        JsonNode total = json.readTree(response.body()).at("/hits/total/value");
        assertThat(total.isMissingNode()).as(response.body()).isFalse();
        return total.asLong();
    }

    private HttpResponse<String> send(URI es, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(es.resolve(path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
