package org.familystation.loader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Family Station API as its terminal clients use it (the loader, {@link AdminCli}, the benchmark): JSON over
 * HTTP as one user, signed in with HTTP Basic.
 * <p>
 * For the loader, a create or step that was already done by an earlier run (the ids are deterministic) answers 409
 * with one of {@link #ALREADY_DONE}, or is refused while what it creates can be read, which counts as done, so
 * loading twice builds the same world once.
 */
public final class ApiClient {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** Refusal codes that mean "this step was already taken". */
    static final Set<String> ALREADY_DONE = Set.of("ID_ALREADY_USED", "APPLICATION_NOT_AWAITING_REVIEW",
            "MEMBER_ALREADY_ADMITTED", "ALLOCATION_ID_ALREADY_USED", "EXPENDITURE_ID_ALREADY_USED",
            "CONVENTION_VERSION_ALREADY_PUBLISHED");

    /** An answer: its status (-1 when the application could not be reached), body and how long it took. */
    public record Answer(int status, String body, long nanos) {

        /** The body as JSON; an empty or non-JSON body reads as an empty object. */
        public JsonNode json() {
            try {
                return JSON.readTree(body == null || body.isEmpty() ? "{}" : body);
            } catch (IOException notJson) {
                return JSON.createObjectNode();
            }
        }

        /**
         * What a refusal says, for a log or a report: the problem's code and English detail, or the start of a body
         * that is not a problem (a proxy's page, a connection error).
         */
        public String problem() {
            JsonNode json = json();
            if (json.hasNonNull("code")) {
                return json.path("code").asText() + ": " + json.path("detailEn").asText(json.path("detail").asText());
            }
            String text = body == null ? "" : body;
            return text.length() <= 300 ? text : text.substring(0, 300) + "…";
        }
    }

    /** Read-your-writes (the application's {@code ReadYourWrites}): a command's answer names its event position… */
    private static final String EVENT_POSITION = "X-Event-Position";
    /** …a query carrying it is answered once the read side has handled every event up to it… */
    private static final String MIN_EVENT_POSITION = "X-Min-Event-Position";
    /** …or, after the application's bounded wait, with this set. */
    private static final String STALE = "X-Read-Model-Stale";
    /** How long a client that reads its writes asks again while the answers are stale. */
    private static final Duration OWN_WRITES_PATIENCE = Duration.ofMinutes(2);

    private final URI base;
    private final String authorization;
    /** The newest event position a command of this client was answered with. */
    private final AtomicLong written = new AtomicLong();
    private volatile boolean readsItsWrites;
    /** HTTP/1.1: the default upgrade to HTTP/2 makes requests with a body stall against Tomcat's plain HTTP. */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public ApiClient(URI base, String user, String password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * From now on, this client's reads see its own writes: each GET carries the newest event position its commands
     * were answered with, and a stale answer is asked for again (for up to two minutes). The loader needs it: it reads
     * what it wrote minutes before (a member's state before changing it), and on a loaded machine the read side can be
     * further behind than the application's wait.
     */
    public ApiClient readsItsWrites() {
        readsItsWrites = true;
        return this;
    }

    /** Sends a request as it is and answers whatever came back; never throws for a status or a dead connection. */
    public Answer send(String method, String path, Object body) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = exchange(method, path, body);
            return new Answer(response.statusCode(), response.body(), System.nanoTime() - start);
        } catch (IOException e) {
            return new Answer(-1, e.toString(), System.nanoTime() - start);
        }
    }

    /**
     * Sends a request and insists on one of the expected statuses: answers the body as JSON, or throws with the
     * problem's code and English detail.
     */
    public JsonNode expect(String method, String path, Object body, int... expected) {
        HttpResponse<String> response = reach(method, path, body);
        Answer answer = new Answer(response.statusCode(), response.body(), 0);
        if (Arrays.stream(expected).noneMatch(status -> status == response.statusCode())) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + " "
                    + answer.problem());
        }
        return answer.json();
    }

    /**
     * GETs a file (a backup, an export) into {@code target} as it streams in, without a timeout on the whole answer;
     * answers the status. A body that is not a 200 is left in {@code target} for the caller to read.
     */
    public int download(String path, Path target) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", authorization)
                .GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofFile(target)).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " into " + target + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
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
        HttpResponse<String> response = reach("POST", path, body);
        int status = response.statusCode();
        if (status == 201 || status == 204) {
            return true;
        }
        if (status == 409 && ALREADY_DONE.contains(new Answer(status, response.body(), 0).json().path("code").asText())
                || (status == 409 || status == 422) && readPath != null && exists(readPath)) {
            return false;
        }
        throw new IllegalStateException("POST " + path + " answered " + status + ": " + response.body());
    }

    boolean exists(String path) {
        return reach("GET", path, null).statusCode() == 200;
    }

    JsonNode get(String path) {
        return expect("GET", path, null, 200);
    }

    /** Like {@link #send}, for the clients that cannot go on without the application. */
    private HttpResponse<String> reach(String method, String path, Object body) {
        try {
            return exchange(method, path, body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + base + " (is the application running?)", e);
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + body, e);
        }
    }

    private HttpResponse<String> exchange(String method, String path, Object body) throws IOException {
        long position = written.get();
        if (!readsItsWrites || !method.equals("GET") || position == 0) {
            return exchange(method, path, body, 0);
        }
        long patience = System.nanoTime() + OWN_WRITES_PATIENCE.toNanos();
        HttpResponse<String> response = exchange(method, path, body, position);
        while (response.headers().firstValue(STALE).isPresent() && System.nanoTime() < patience) {
            response = exchange(method, path, body, position);
        }
        return response;
    }

    private HttpResponse<String> exchange(String method, String path, Object body, long minPosition)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", authorization)
                // Long enough for a rebuild's start, which waits for every node to stop the processor.
                .timeout(Duration.ofSeconds(120));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8));
        }
        if (minPosition > 0) {
            request.header(MIN_EVENT_POSITION, Long.toString(minPosition));
        }
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            response.headers().firstValue(EVENT_POSITION)
                    .ifPresent(answered -> written.accumulateAndGet(Long.parseLong(answered), Math::max));
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
