package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document tells a client what the API really does: areas, summaries, statuses, problems, sign-in. */
class OpenApiDocumentTest extends ApplicationTest {

    private static final String PROBLEM = "#/components/schemas/Problem";

    private JsonNode document;

    @BeforeEach
    void read() {
        Api.Response response = api.get(null, "/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        document = response.body();
    }

    @Test
    void isTitledAndDescribed() {
        assertThat(document.path("info").path("title").asText()).isEqualTo("家庭驿站 Family Station API");
        assertThat(document.path("info").path("description").asText()).contains("RFC 9457", "detailEn");
        assertThat(document.path("tags").findValuesAsText("name")).contains("家庭驿站 Stations",
                "服务记录 Service records", "看板 Dashboards", "账号与登录 Accounts and session");
    }

    @Test
    void everyOperationHasAnAreaASummaryAndProblemAnswers() {
        List<String> tags = document.path("tags").findValuesAsText("name");
        List<String> faults = new ArrayList<>();
        forEachOperation((name, operation) -> {
            List<String> operationTags = new ArrayList<>();
            operation.path("tags").forEach(tag -> operationTags.add(tag.asText()));
            if (operationTags.size() != 1 || !tags.contains(operationTags.get(0))
                    || operationTags.get(0).endsWith("-controller")) {
                faults.add(name + ": tags " + operationTags);
            }
            if (!operation.path("summary").asText().contains(" · ")) {
                faults.add(name + ": summary '" + operation.path("summary").asText() + "'");
            }
            boolean problem = false;
            for (Map.Entry<String, JsonNode> response : iterable(operation.path("responses"))) {
                if (response.getKey().startsWith("4") && PROBLEM.equals(response.getValue().path("content")
                        .path("application/problem+json").path("schema").path("$ref").asText())) {
                    problem = true;
                }
            }
            if (!problem) {
                faults.add(name + ": no 4xx answer with the Problem schema");
            }
        });
        assertThat(faults).isEmpty();
        assertThat(operation("get", "/api/stations/{stationId}/service-records").path("tags").get(0).asText())
                .isEqualTo("服务记录 Service records");
        assertThat(operation("get", "/api/audit/case-reads").path("tags").get(0).asText())
                .isEqualTo("历史与审计 History and audit");
        assertThat(operation("get", "/api/dashboard/needs").path("tags").get(0).asText()).isEqualTo("看板 Dashboards");
        JsonNode problem = document.path("components").path("schemas").path("Problem").path("properties");
        assertThat(iterableNames(problem)).contains("type", "title", "status", "detail", "code", "detailEn",
                "field", "correlationId");
    }

    @Test
    void answersWithTheRealSuccessStatus() {
        JsonNode open = operation("post", "/api/stations").path("responses");
        assertThat(iterableNames(open)).contains("201").doesNotContain("200");
        assertThat(open.path("201").path("headers").has("Location")).isTrue();
        JsonNode suspend = operation("post", "/api/stations/{stationId}/suspension").path("responses");
        assertThat(iterableNames(suspend)).contains("204", "400", "401", "403", "404", "409", "422", "413")
                .doesNotContain("200");
        assertThat(iterableNames(operation("get", "/api/stations").path("responses"))).contains("200");
        assertThat(iterableNames(operation("post", "/api/session/password").path("responses")))
                .contains("204", "429");
        assertThat(iterableNames(operation("delete", "/api/session").path("responses"))).contains("204");
        assertThat(iterableNames(operation("post", "/api/admin/processors/{name}/rebuild").path("responses")))
                .contains("202");
        // Every command answers 201 (a create) or 204, never a bare 200, except the few that answer a body.
        List<String> faults = new ArrayList<>();
        forEachOperation((name, operation) -> {
            // An import answers 202: it runs as a job.
            if (name.startsWith("POST") && !name.startsWith("POST /api/admin/") && !name.equals("POST /api/session")
                    && !name.equals("POST /api/imports/{kind}")
                    && !iterableNames(operation.path("responses")).contains("201")
                    && !iterableNames(operation.path("responses")).contains("204")) {
                faults.add(name);
            }
        });
        assertThat(faults).isEmpty();
    }

    @Test
    void namesItsSecuritySchemes() {
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("basic").path("scheme").asText()).isEqualTo("basic");
        assertThat(schemes.path("session").path("in").asText()).isEqualTo("cookie");
        assertThat(schemes.path("xsrf").path("name").asText()).isEqualTo("X-XSRF-TOKEN");
        assertThat(document.path("security").toString()).contains("basic", "session", "xsrf");
        assertThat(operation("post", "/api/session").path("security").isArray()).isTrue();
        assertThat(operation("post", "/api/session").path("security")).isEmpty();
    }

    @Test
    void listsRequiredFieldsAndAllowedValues() {
        JsonNode apply = body("post", "/api/alliance-applications");
        assertThat(texts(apply.path("properties").path("alliance").path("enum"))).contains("PUBLIC_WELFARE");
        assertThat(texts(apply.path("properties").path("organisationType").path("enum"))).isNotEmpty();
        assertThat(texts(apply.path("required"))).contains("alliance", "organisationName");
        JsonNode suspend = body("post", "/api/stations/{stationId}/suspension");
        assertThat(texts(suspend.path("required"))).contains("reason");
        assertThat(texts(body("post", "/api/alliance-members/{memberId}/review").path("properties")
                .path("decision").path("enum"))).containsExactly("APPROVE", "REJECT");
        assertThat(texts(body("post", "/api/accounts").path("properties").path("roles").path("items")
                .path("enum"))).contains("ADMIN", "STATION_WORKER", "AUDITOR");
        // Each correction names its own kind of changes (two records once shared one schema name).
        assertThat(body("post", "/api/needs-surveys/{surveyId}/corrections").path("properties").path("changes")
                .path("$ref").asText()).endsWith("/SurveyInput");
        assertThat(body("post", "/api/service-records/{serviceRecordId}/corrections").path("properties")
                .path("changes").path("$ref").asText()).endsWith("/ServiceInput");
        JsonNode activate = operation("post", "/api/stations/{stationId}/points/{point}/activation");
        Map<String, List<String>> allowed = new HashMap<>();
        activate.path("parameters").forEach(parameter ->
                allowed.put(parameter.path("name").asText(), texts(parameter.path("schema").path("enum"))));
        assertThat(allowed.get("point")).contains("EMOTIONAL");
        assertThat(allowed.get("stationId")).as("an id is any text").isEmpty();
        assertThat(body("post", "/api/stations/{stationId}/service-records").path("properties").path("projectCode")
                .has("enum")).isFalse();
        JsonNode filters = operation("get", "/api/audit/events").path("parameters");
        assertThat(filters.findValuesAsText("name")).contains("filters", "page", "size").doesNotContain("parameters");
        filters.forEach(parameter -> assertThat(parameter.path("required").asBoolean()).as(parameter.toString())
                .isFalse());
        // Every query can wait for a command's position (read-your-writes), as a parameter or a header.
        assertThat(operation("get", "/api/stations").path("parameters").findValuesAsText("name"))
                .contains("minPosition", "X-Min-Event-Position");
        assertThat(operation("get", "/api/service-records/search").path("responses").path("200").path("headers")
                .has("X-Read-Model-Stale")).isTrue();
    }

    private JsonNode operation(String method, String path) {
        JsonNode operation = document.path("paths").path(path).path(method);
        assertThat(operation.isMissingNode()).as(method + " " + path).isFalse();
        return operation;
    }

    private JsonNode body(String method, String path) {
        String ref = operation(method, path).path("requestBody").path("content").path("application/json")
                .path("schema").path("$ref").asText();
        return document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private void forEachOperation(BiConsumer<String, JsonNode> check) {
        for (Map.Entry<String, JsonNode> path : iterable(document.path("paths"))) {
            for (Map.Entry<String, JsonNode> operation : iterable(path.getValue())) {
                check.accept(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), operation.getValue());
            }
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }

    private static List<String> iterableNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }
}
