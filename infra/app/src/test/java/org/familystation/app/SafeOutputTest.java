package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Output is safe by construction (issue 10 §4): what users typed comes back in search highlights as escaped text in
 * which only the highlight markers are markup, and CSV exports never hand a spreadsheet a formula.
 */
class SafeOutputTest extends ApplicationTest {

    private static final String HOSTILE = "<script>alert(1)</script>家暴求助<img src=x onerror=alert(2)> & <em>假标记</em>";

    @Test
    void serviceRecordHighlightsAreEscapedTextWithOnlyTheMarkersAsMarkup() {
        String station = scenario.openStation("安全输出家庭驿站", "溧水区");
        String deliveredAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        String id = scenario.recordService(station, "EMOTIONAL", "PSYCHOLOGICAL_COUNSELLING", 2, deliveredAt,
                HOSTILE.replace("\"", "\\\""));
        Eventually.assertThat(() -> {
            JsonNode items = api.get("auditor", "/api/service-records/search?q=家暴求助&stationId=" + station)
                    .body().path("items");
            assertThat(items.findValuesAsText("serviceRecordId")).containsExactly(id);
            assertSafe(items.get(0).path("highlights").path("description"));
        });
    }

    @Test
    void needsSurveyHighlightsAreEscapedTextWithOnlyTheMarkersAsMarkup() {
        String home = scenario.communityHome("安全输出妇女儿童之家", "溧水区", "STANDARD");
        Api.Response recorded = api.post("worker", "/api/units/" + home + "/needs-surveys", """
                {"surveyedOn": "%s", "channel": "COMMUNITY_VISIT", "respondentCount": 3,
                 "needs": [{"categoryCode": "HOUSEKEEPING", "count": 1}], "freeText": "%s"}"""
                .formatted(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1),
                        HOSTILE.replace("\"", "\\\"")));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        Eventually.assertThat(() -> {
            JsonNode items = api.get("auditor", "/api/needs-surveys/search?q=家暴求助&communityHomeId=" + home)
                    .body().path("items");
            assertThat(items.findValuesAsText("surveyId")).containsExactly(recorded.id());
            assertSafe(items.get(0).path("highlights").path("freeText"));
        });
    }

    /** Every fragment: the words found marked, the stored markup escaped, no other tag. */
    private static void assertSafe(JsonNode fragments) {
        assertThat(fragments.size()).isPositive();
        String all = String.join("\n", texts(fragments));
        assertThat(all).contains("<em>", "</em>", "&lt;script&gt;", "&lt;img src=x onerror=alert(2)&gt;",
                "&amp;", "&lt;em&gt;假标记&lt;/em&gt;");
        assertThat(all.replace("<em>", "").replace("</em>", "")).doesNotContain("<", ">");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    @Test
    void aCatalogueNameThatIsAFormulaIsTextInTheEvaluationCsv() {
        String code = "FORMULA_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String name = "=HYPERLINK(\\\"http://evil.example/\\\",\\\"点我\\\")";
        Api.Response added = api.post("hq", "/api/catalogues/SERVICE_PROJECT", """
                {"code": "%s", "name": "%s", "stationPoint": "EMOTIONAL"}""".formatted(code, name));
        assertThat(added.status()).as(added.toString()).isIn(200, 201);
        String station = scenario.openStation("公式家庭驿站", "溧水区");
        Instant deliveredAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        scenario.recordService(station, "EMOTIONAL", code, 4, deliveredAt.toString(), "公式名称的服务");
        YearMonth month = YearMonth.from(deliveredAt.atZone(ZoneId.of("Asia/Shanghai")));
        Eventually.assertThat(() -> {
            String csv = api.get("hq", "/api/evaluations?period=" + month + "&cohort=all&format=csv").body().asText();
            assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"点我\"\")\"");
            assertThat(csv).doesNotContain(",=HYPERLINK", ",\"=HYPERLINK");
        });
    }
}
