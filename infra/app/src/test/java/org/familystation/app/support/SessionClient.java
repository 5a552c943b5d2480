package org.familystation.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A browser's view of the API for tests of the web session: it keeps the cookies it is given (the session and
 * {@code XSRF-TOKEN}) and sends them back, and sends the CSRF header only when told to.
 */
public class SessionClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final CookieManager cookies;
    private final HttpClient http;

    public SessionClient(String base) {
        this(base, new CookieManager());
    }

    private SessionClient(String base, CookieManager cookies) {
        this.base = base;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** The same browser (its cookies) sent to another node of the deployment, as a load balancer may. */
    public SessionClient at(String otherBase) {
        return new SessionClient(otherBase, cookies);
    }

    public Answer signIn(String username, String password) {
        return send("POST", "/api/session", JSON.createObjectNode().put("username", username)
                .put("password", password).toString(), false);
    }

    /** A request with the session cookie; {@code withCsrfToken} echoes the XSRF-TOKEN cookie as the workbench does. */
    public Answer send(String method, String path, String body, boolean withCsrfToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (withCsrfToken) {
            cookie("XSRF-TOKEN").ifPresent(token -> request.header("X-XSRF-TOKEN", token.getValue()));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json;
            try {
                json = text == null || text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
            } catch (IOException notJson) {
                json = JSON.getNodeFactory().textNode(text);
            }
            return new Answer(response.statusCode(), json, response.headers().map());
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException(failed);
        }
    }

    public Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .findFirst();
    }

    public record Answer(int status, JsonNode body, Map<String, List<String>> headers) {

        public String code() {
            return body.path("code").asText();
        }

        public List<String> header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream()).toList();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
