package org.familystation.query.needs;

import org.familystation.events.common.NeedCount;
import org.familystation.events.common.SurveyChannel;
import org.familystation.events.common.SurveyDetails;
import org.familystation.events.needs.NeedsSurveyCorrected;
import org.familystation.events.needs.NeedsSurveyRecorded;
import org.familystation.events.needs.NeedsSurveyVoided;
import org.familystation.query.common.ReadStoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The needs-survey projection on the real PostgreSQL: a redelivered event changes nothing, counters included. */
@ReadStoreTest
class NeedsSurveyProjectionTest {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final NeedsSurveyProjection projection;

    private final String district = "测试区-" + UUID.randomUUID().toString().substring(0, 8);
    private final String id = UUID.randomUUID().toString();

    @Autowired
    NeedsSurveyProjectionTest(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.projection = new NeedsSurveyProjection(jdbc);
    }

    private void deliver(Runnable handler, int times) {
        for (int i = 0; i < times; i++) {
            transactions.executeWithoutResult(status -> handler.run());
        }
    }

    private List<Map<String, Object>> needs() {
        return jdbc.queryForList("SELECT category_code, month, needs, surveys FROM rm_needs_stats"
                + " WHERE district = ? AND surveys <> 0 ORDER BY month, category_code", district);
    }

    private List<Map<String, Object>> surveys() {
        return jdbc.queryForList("SELECT month, surveys, respondents FROM rm_needs_survey_stats"
                + " WHERE district = ? AND surveys <> 0 ORDER BY month", district);
    }

    @Test
    void redeliveredEventsChangeNothing() {
        NeedsSurveyRecorded recorded = new NeedsSurveyRecorded(id, "home", "测试之家", district,
                new SurveyDetails(LocalDate.parse("2026-10-31"), SurveyChannel.WEB_PORTAL, 20,
                        List.of(new NeedCount("HOUSEKEEPING", "家政服务", 5)), "网上留言"),
                Instant.parse("2026-11-01T03:00:00Z"));
        // Corrected into November, with another category.
        NeedsSurveyCorrected corrected = new NeedsSurveyCorrected(id, "home",
                new SurveyDetails(LocalDate.parse("2026-11-01"), SurveyChannel.WEB_PORTAL, 25,
                        List.of(new NeedCount("FAMILY_EDUCATION", "家庭教育知识", 9),
                                new NeedCount("HOUSEKEEPING", "家政服务", 6)), "网上留言"),
                List.of("surveyedOn", "respondentCount", "needs"), "日期录错", Instant.parse("2026-11-02T03:00:00Z"));

        deliver(() -> projection.on(recorded, 0), 2);
        assertThat(surveys()).singleElement().satisfies(row -> {
            assertThat(row.get("month")).isEqualTo("2026-10");
            assertThat(((Number) row.get("respondents")).longValue()).isEqualTo(20);
        });
        assertThat(needs()).singleElement().satisfies(row ->
                assertThat(((Number) row.get("needs")).longValue()).isEqualTo(5));

        deliver(() -> projection.on(corrected, 1), 2);
        deliver(() -> projection.on(recorded, 0), 1);
        assertThat(surveys()).singleElement().satisfies(row -> {
            assertThat(row.get("month")).isEqualTo("2026-11");
            assertThat(((Number) row.get("surveys")).longValue()).isEqualTo(1);
            assertThat(((Number) row.get("respondents")).longValue()).isEqualTo(25);
        });
        assertThat(needs()).extracting(row -> row.get("category_code") + " " + row.get("month") + " "
                + row.get("needs")).containsExactly("FAMILY_EDUCATION 2026-11 9", "HOUSEKEEPING 2026-11 6");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_needs_survey_need WHERE survey_id = ?", Long.class,
                id)).isEqualTo(2);

        deliver(() -> projection.on(new NeedsSurveyVoided(id, "home", "重复", Instant.now()), 2), 2);
        assertThat(surveys()).isEmpty();
        assertThat(needs()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT voided FROM rm_needs_survey WHERE survey_id = ?", Boolean.class, id))
                .isTrue();
    }
}
