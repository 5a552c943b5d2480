package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the body of every command (every POST operation of the OpenAPI document): for each field, values of the
 * wrong type, null, huge and hostile strings (NUL, lone surrogates, right-to-left overrides, SQL, HTML, spreadsheet
 * formulas), deep nesting; for each body, huge and deep bodies, duplicate keys and malformed JSON. Whatever is sent,
 * the answer is never a 5xx; a refusal is a problem document with a code, and writes no event.
 *
 * <p>The values are a seeded random sample, so a run stays within about a minute and a half
 * ({@code -Dfuzz.budget-seconds}, default 75): every operation gets an equal share of it, at least one bad value per
 * field and up to {@code -Dfuzz.rounds} (8). The seed is printed; {@code -Dfuzz.seed=…} repeats a run's values.
 */
class CommandBodyFuzzTest extends ApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Operations that act on the running system itself, or on sign-in throttling shared with the other tests. */
    private static final List<String> EXCLUDED = List.of("/api/admin", "/api/session");
    private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("fuzz.budget-seconds", 75));

    private Random random;
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int requests;

    /** Hostile and wrong values for any field, as raw JSON. */
    private static List<String> badValues() {
        String deepArray = "[".repeat(64) + "]".repeat(64);
        String deepObject = "{\"a\":".repeat(64) + "1" + "}".repeat(64);
        return List.of("null", "true", "false", "0", "-1", "2147483648", "9223372036854775808",
                "123456789012345678901234567890", "1e400", "-0.5", "1.5", "\"\"", "\" \"", "\"12\"", "\"true\"",
                "\"a\\u0000b\"", "\"\\u0000\"", "\"\\u0007\"", "\"\\u001b[2J\"", "\"\\uD800\"", "\"x\\uDFFFy\"",
                "\"\\u202Egnp.exe\"", "\"\\u200B\\u2066\\u2069\"", "\"' OR 1=1 --\"",
                "\"'); DROP TABLE domain_event_entry; --\"", "\"<script>alert(1)</script>\"",
                "\"<img src=x onerror=alert(1)>\"", "\"=cmd|' /C calc'!A0\"", "\"+1+1\"", "\"@SUM(A1)\"",
                "\"-2+3\"", "\"${jndi:ldap://127.0.0.1/a}\"", "\"../../../../etc/passwd\"", "\"%s%n%x\"",
                "\"" + "x".repeat(100_000) + "\"", "\"" + "驿".repeat(20_000) + "\"", "\"😀\"",
                "\"-999999999-01-01T00:00:00Z\"", "\"+999999999-12-31T23:59:59Z\"", "\"0001-01-01T00:00:00Z\"",
                "\"0001-01-01\"", "\"9999-12-31\"", "\"2026-13-45\"", "\"1900-01-01T00:00:00Z\"", "[]", "{}",
                "[\"x\"]", "{\"$gt\": \"\"}", deepArray, deepObject);
    }

    @Test
    void noCommandBodyCausesA5xxOrWritesWhenRefused() {
        long seed = Long.getLong("fuzz.seed", System.currentTimeMillis());
        int maxRounds = Integer.getInteger("fuzz.rounds", 8);
        System.out.println("CommandBodyFuzzTest seed " + seed + " (repeat with -Dfuzz.seed=" + seed + ")");
        random = new Random(seed);
        JsonNode document = api.get(null, "/v3/api-docs").body();
        JsonNode schemas = document.path("components").path("schemas");
        List<String> bad = badValues();
        List<String> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> {
            if (path.getValue().has("post") && EXCLUDED.stream().noneMatch(path.getKey()::startsWith)) {
                operations.add(path.getKey());
            }
        });
        // Every operation gets the same share of the time: the whole-body cases and at least one bad value per
        // field, then more rounds of bad values while its share lasts.
        Duration share = BUDGET.dividedBy(Math.max(1, operations.size()));
        int rounds = 0;
        for (String template : operations) {
            Instant started = Instant.now();
            JsonNode post = document.path("paths").path(template).path("post");
            String path = concrete(template);
            JsonNode schema = post.path("requestBody").path("content").path("application/json").path("schema");
            ObjectNode base = schema.isMissingNode() ? NODES.objectNode() : objectFor(schema, schemas, 0);

            // The whole body.
            String valid = base.toString();
            send(path, "");
            send(path, "null");
            send(path, "[]");
            send(path, "\"text\"");
            send(path, valid.substring(0, Math.max(1, valid.length() / 2)));
            send(path, "{" + "\"a\":[".repeat(2000) + "]".repeat(2000) + "}");
            send(path, random.nextBoolean() ? " ".repeat(1100 * 1024) + valid
                    : withField(base, "padding", "\"" + "x".repeat(1100 * 1024) + "\""));
            Iterator<String> names = base.fieldNames();
            if (names.hasNext()) {
                String first = names.next();
                send(path, withField(base, first, base.get(first).toString()));
            }
            // Each field: bad values drawn at random; one level down for objects and arrays of objects.
            List<String> fields = fieldPaths(base);
            for (int round = 0; round < maxRounds; round++) {
                for (String field : fields) {
                    send(path, replaced(base, field, bad.get(random.nextInt(bad.size()))));
                }
                rounds++;
                if (Duration.between(started, Instant.now()).compareTo(share) > 0) {
                    break;
                }
            }
        }
        System.out.printf("CommandBodyFuzzTest: %d operations, %d rounds of bad values per field in all, %d requests,"
                + " statuses %s%n", operations.size(), rounds, requests, statuses);
        assertThat(operations).as("POST operations fuzzed").hasSizeGreaterThan(30);
        assertThat(failures).as("answers that broke the rules (seed " + seed + ")").isEmpty();
    }

    /** Sends one body as admin (who may call everything) and checks the answer. */
    private void send(String path, String body) {
        long before = events();
        Api.Response response;
        try {
            response = api.send(HttpMethod.POST, "admin", path, body, Map.of());
        } catch (RuntimeException e) {
            failures.add(path + " " + abbreviated(body) + " → no answer: " + e);
            return;
        }
        requests++;
        statuses.merge(response.status(), 1, Integer::sum);
        String what = path + " " + abbreviated(body) + " → " + response.status() + " " + abbreviated(
                response.body().toString());
        if (response.status() >= 500) {
            failures.add(what);
        } else if (response.status() >= 400) {
            MediaType type = response.headers().getContentType();
            if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    || response.code().isBlank()) {
                failures.add("not a problem with a code: " + what);
            }
            long after = events();
            if (after != before) {
                failures.add("refused, yet " + (after - before) + " events written: " + what);
            }
        }
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private String concrete(String template) {
        return template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    /** A plausible value for every property, so that one bad field at a time is what is tried. */
    private ObjectNode objectFor(JsonNode schema, JsonNode schemas, int depth) {
        JsonNode resolved = resolve(schema, schemas);
        ObjectNode object = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> properties = resolved.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            object.set(property.getKey(), valueFor(property.getKey(), property.getValue(), schemas, depth));
        }
        return object;
    }

    private JsonNode valueFor(String name, JsonNode schema, JsonNode schemas, int depth) {
        JsonNode resolved = resolve(schema, schemas);
        String type = resolved.path("type").asText();
        String format = resolved.path("format").asText();
        if (resolved.has("enum")) {
            return resolved.path("enum").get(0);
        }
        switch (type) {
            case "integer", "number":
                return NODES.numberNode(1);
            case "boolean":
                return NODES.booleanNode(true);
            case "array":
                ArrayNode array = NODES.arrayNode();
                if (depth < 2) {
                    array.add(valueFor(name, resolved.path("items"), schemas, depth + 1));
                }
                return array;
            case "object":
            case "":
                return depth < 2 && resolved.has("properties") ? objectFor(resolved, schemas, depth + 1)
                        : NODES.objectNode();
            default:
                if (format.equals("date-time")) {
                    return NODES.textNode(Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                            .toString());
                }
                if (format.equals("date")) {
                    return NODES.textNode(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString());
                }
                return NODES.textNode(name.endsWith("Id") ? UUID.randomUUID().toString() : "家庭驿站");
        }
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        JsonNode current = schema;
        for (int i = 0; i < 5 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asText();
            current = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return current;
    }

    /** The fields to fuzz: top level, and the fields of objects (or of the first object of arrays) in them. */
    private static List<String> fieldPaths(ObjectNode base) {
        List<String> paths = new ArrayList<>();
        base.fields().forEachRemaining(field -> {
            paths.add("/" + field.getKey());
            JsonNode value = field.getValue();
            JsonNode inner = value.isArray() && !value.isEmpty() ? value.get(0) : value;
            String prefix = "/" + field.getKey() + (value.isArray() ? "/0" : "");
            if (inner.isObject()) {
                inner.fieldNames().forEachRemaining(name -> paths.add(prefix + "/" + name));
            }
        });
        return paths;
    }

    /** The body with the value at {@code pointer} replaced by raw JSON (kept raw: it may not be valid JSON text). */
    private static String replaced(ObjectNode base, String pointer, String rawValue) {
        String marker = "\"__fuzz_" + UUID.randomUUID() + "__\"";
        ObjectNode copy = base.deepCopy();
        String[] steps = pointer.substring(1).split("/");
        JsonNode parent = copy;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(steps[i])) : parent.get(steps[i]);
        }
        String last = steps[steps.length - 1];
        JsonNode placeholder = NODES.textNode("__MARKER__");
        if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(last), placeholder);
        } else {
            ((ObjectNode) parent).set(last, placeholder);
        }
        return copy.toString().replace("\"__MARKER__\"", marker).replace(marker, rawValue);
    }

    /** The body with one more field in front (a field it already has: a duplicate key). */
    private static String withField(ObjectNode base, String name, String rawValue) {
        String body = base.toString();
        String field = "{\"" + name + "\": " + rawValue;
        return body.equals("{}") ? field + "}" : field + "," + body.substring(1);
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…(" + text.length() + " chars)";
    }
}
