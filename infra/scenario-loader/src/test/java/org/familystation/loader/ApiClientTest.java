package org.familystation.loader;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loader reads its own writes: against a stand-in for the application that answers commands with their event
 * position and reads as the application's read-your-writes does (stale twice, then up to date).
 */
class ApiClientTest {

    private HttpServer server;
    private final List<String> askedPositions = new CopyOnWriteArrayList<>();
    private final AtomicInteger staleAnswersLeft = new AtomicInteger();
    private URI base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/things", this::answer);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().add("X-Event-Position", exchange.getRequestURI().getQuery());
            exchange.sendResponseHeaders(204, -1);
        } else {
            askedPositions.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Min-Event-Position")));
            if (staleAnswersLeft.getAndDecrement() > 0) {
                exchange.getResponseHeaders().add("X-Read-Model-Stale", "true");
            }
            byte[] body = "{\"ok\": true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Test
    void aClientThatReadsItsWritesAsksForItsNewestPositionAndAsksAgainWhileStale() {
        ApiClient api = new ApiClient(base, "loader", "secret").readsItsWrites();

        api.get("/api/things");
        assertThat(askedPositions).as("nothing written yet").containsExactly("null");

        assertThat(api.post("/api/things?42", Map.of())).isTrue();
        assertThat(api.post("/api/things?17", Map.of())).isTrue();
        staleAnswersLeft.set(2);
        askedPositions.clear();

        assertThat(api.get("/api/things").path("ok").asBoolean()).isTrue();
        assertThat(askedPositions).as("the newest position, until an answer is not stale")
                .containsExactly("42", "42", "42");
    }

    @Test
    void anyOtherClientReadsWithoutWaiting() {
        ApiClient api = new ApiClient(base, "benchmark", "secret");
        api.post("/api/things?42", Map.of());
        staleAnswersLeft.set(1);

        api.get("/api/things");

        assertThat(askedPositions).containsExactly("null");
    }

    @Test
    void aRefusalIsToldByItsCodeAndDetailAndAnythingElseByTheStartOfItsBody() {
        assertThat(new ApiClient.Answer(503, """
                {"code": "SERVER_BUSY", "detail": "系统正忙", "detailEn": "the server is too busy"}""", 0).problem())
                .isEqualTo("SERVER_BUSY: the server is too busy");
        assertThat(new ApiClient.Answer(422, """
                {"code": "AUDIT_COUNT_TOO_LONG", "detail": "统计超时"}""", 0).problem())
                .isEqualTo("AUDIT_COUNT_TOO_LONG: 统计超时");
        assertThat(new ApiClient.Answer(502, "<html>bad gateway</html>", 0).problem())
                .isEqualTo("<html>bad gateway</html>");
        assertThat(new ApiClient.Answer(500, "x".repeat(400), 0).problem()).hasSize(301).endsWith("x…");
    }
}
