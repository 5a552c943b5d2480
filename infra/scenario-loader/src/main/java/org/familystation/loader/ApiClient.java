package org.familystation.loader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * The Family Station API as the loader uses it: JSON over HTTP as one user. A create or step that was already done
 * by an earlier run (the ids are deterministic) answers 409 with one of {@link #ALREADY_DONE}, or is refused while
 * what it creates can be read, which counts as done, so loading twice builds the same world once.
 */
final class ApiClient {

    /** Refusal codes that mean "this step was already taken". */
    static final Set<String> ALREADY_DONE = Set.of("ID_ALREADY_USED", "APPLICATION_NOT_AWAITING_REVIEW",
            "MEMBER_ALREADY_ADMITTED", "ALLOCATION_ID_ALREADY_USED", "EXPENDITURE_ID_ALREADY_USED",
            "CONVENTION_VERSION_ALREADY_PUBLISHED");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String authorization;
    /** HTTP/1.1: the default upgrade to HTTP/2 makes requests with a body stall against Tomcat's plain HTTP. */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    ApiClient(URI base, String user, String password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a command; true when it was accepted now, false when an earlier run had already done it. */
    boolean post(String path, Object body) {
        return post(path, body, null);
    }

    /**
     * Creates an entity; true when it was created now, false when it exists already. A create refused (409 or 422)
     * counts as done when the entity can be read at {@code readPath}: a rule such as "one station per community
     * home", or "services by admitted members" after a later expulsion, refuses the repeat before its id is even
     * looked at.
     */
    boolean create(String path, Object body, String readPath) {
        return post(path, body, readPath);
    }

    private boolean post(String path, Object body, String readPath) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8)));
        int status = response.statusCode();
        if (status == 201 || status == 204) {
            return true;
        }
        if (status == 409 && ALREADY_DONE.contains(read(response.body()).path("code").asText())
                || (status == 409 || status == 422) && readPath != null && exists(readPath)) {
            return false;
        }
        throw new IllegalStateException("POST " + path + " answered " + status + ": " + response.body());
    }

    boolean exists(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET()).statusCode() == 200;
    }

    JsonNode get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(path)).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return read(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", authorization).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + base + " (is the application running?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body == null || body.isEmpty() ? "{}" : body);
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }
}
