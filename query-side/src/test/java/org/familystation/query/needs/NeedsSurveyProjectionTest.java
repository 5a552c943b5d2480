package org.familystation.query.needs;

import org.familystation.events.common.NeedCount;
import org.familystation.events.common.SurveyChannel;
import org.familystation.events.common.SurveyDetails;
import org.familystation.events.needs.NeedsSurveyCorrected;
import org.familystation.events.needs.NeedsSurveyRecorded;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.familystation.events.needs.NeedsSurveyVoided;
import org.familystation.query.common.ProjectionBatches;
import org.familystation.query.common.CounterParts;
import org.familystation.query.common.ReadStoreTest;
import org.familystation.query.common.SegmentsSideBySide;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The needs-survey projection on the real PostgreSQL: a redelivered event changes nothing, counters included, and
 * four segments applying their batches side by side write what one segment writes.
 */
@ReadStoreTest
class NeedsSurveyProjectionTest {

    /** Counters kept for processors of four segments, as the tests below apply them with up to four. */
    private static final CounterParts PARTS = new CounterParts(4);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final NeedsSurveyProjection projection;
    @Autowired
    private ProjectionBatches batches;

    private final String district = "测试区-" + UUID.randomUUID().toString().substring(0, 8);
    private final String id = UUID.randomUUID().toString();

    @Autowired
    NeedsSurveyProjectionTest(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.projection = new NeedsSurveyProjection(jdbc, PARTS);
    }

    private void deliver(Runnable handler, int times) {
        for (int i = 0; i < times; i++) {
            transactions.executeWithoutResult(status -> handler.run());
        }
    }

    /** The district's needs by category and month, summed over homes and parts as the dashboard reads them. */
    private List<Map<String, Object>> needs() {
        return jdbc.queryForList("SELECT category_code, month, sum(needs) AS needs, sum(surveys) AS surveys"
                + " FROM rm_needs_stats WHERE district = ? GROUP BY category_code, month HAVING sum(surveys) <> 0"
                + " ORDER BY month, category_code", district);
    }

    private List<Map<String, Object>> surveys() {
        return jdbc.queryForList("SELECT month, sum(surveys) AS surveys, sum(respondents) AS respondents"
                + " FROM rm_needs_survey_stats WHERE district = ? GROUP BY month HAVING sum(surveys) <> 0"
                + " ORDER BY month", district);
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

        deliver(() -> projection.on(recorded, id, 0), 2);
        assertThat(surveys()).singleElement().satisfies(row -> {
            assertThat(row.get("month")).isEqualTo("2026-10");
            assertThat(((Number) row.get("respondents")).longValue()).isEqualTo(20);
        });
        assertThat(needs()).singleElement().satisfies(row ->
                assertThat(((Number) row.get("needs")).longValue()).isEqualTo(5));

        deliver(() -> projection.on(corrected, id, 1), 2);
        deliver(() -> projection.on(recorded, id, 0), 1);
        assertThat(surveys()).singleElement().satisfies(row -> {
            assertThat(row.get("month")).isEqualTo("2026-11");
            assertThat(((Number) row.get("surveys")).longValue()).isEqualTo(1);
            assertThat(((Number) row.get("respondents")).longValue()).isEqualTo(25);
        });
        assertThat(needs()).extracting(row -> row.get("category_code") + " " + row.get("month") + " "
                + row.get("needs")).containsExactly("FAMILY_EDUCATION 2026-11 9", "HOUSEKEEPING 2026-11 6");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_needs_survey_need WHERE survey_id = ?", Long.class,
                id)).isEqualTo(2);

        deliver(() -> projection.on(new NeedsSurveyVoided(id, "home", "重复", Instant.now()), id, 2), 2);
        assertThat(surveys()).isEmpty();
        assertThat(needs()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT voided FROM rm_needs_survey WHERE survey_id = ?", Boolean.class, id))
                .isTrue();
    }

    @Test
    void fourSegmentsSideBySideWriteWhatOneSegmentWrites() throws Exception {
        List<DomainEventMessage<?>> history = history(300);
        List<Object> written = new SegmentsSideBySide(batches, transactions).assertFourWriteWhatOneWrites(projection,
                history, 50, () -> List.of(rows(), needs(), surveys()), this::clear);
        assertThat((List<?>) written.get(2)).as("survey counters").hasSize(3);
    }

    /**
     * Surveys of three homes of the district over three months, each naming two of three categories; every fifth
     * corrected (another day and needs), every eleventh voided, each soon after it was recorded.
     */
    private List<DomainEventMessage<?>> history(int count) {
        Random random = new Random(14);
        List<String> categories = List.of("HOUSEKEEPING", "FAMILY_EDUCATION", "ELDER_CARE");
        List<DomainEventMessage<?>> history = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Map<String, Long> sequences = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String survey = UUID.randomUUID().toString();
            ids.add(survey);
            history.add(event(sequences, survey, new NeedsSurveyRecorded(survey, "home-" + i % 3, "测试之家",
                    district, details(random, categories), Instant.parse("2026-11-01T03:00:00Z"))));
            if (i % 5 == 4) {
                String corrected = ids.get(i - 3);
                history.add(event(sequences, corrected, new NeedsSurveyCorrected(corrected, "home-" + (i - 3) % 3,
                        details(random, categories), List.of("surveyedOn", "respondentCount", "needs"), "复核",
                        Instant.parse("2026-11-02T03:00:00Z"))));
            }
            if (i % 11 == 10) {
                String voided = ids.get(i - 8);
                history.add(event(sequences, voided, new NeedsSurveyVoided(voided, "home-" + (i - 8) % 3, "重复",
                        Instant.parse("2026-11-02T03:00:00Z"))));
            }
        }
        return history;
    }

    private static SurveyDetails details(Random random, List<String> categories) {
        int skipped = random.nextInt(categories.size());
        List<NeedCount> needs = new ArrayList<>();
        for (int category = 0; category < categories.size(); category++) {
            if (category != skipped) {
                needs.add(new NeedCount(categories.get(category), "需求" + category, 1 + random.nextInt(9)));
            }
        }
        return new SurveyDetails(LocalDate.parse("2026-08-01").plusDays(random.nextInt(90)), SurveyChannel.WEB_PORTAL,
                1 + random.nextInt(40), needs, "调研记录");
    }

    private static DomainEventMessage<?> event(Map<String, Long> sequences, String aggregateId, Object payload) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        return new GenericDomainEventMessage<>("NeedsSurvey", aggregateId, sequence, payload);
    }

    /** Every row the district's surveys have in the needs read model. */
    private List<String> rows() {
        List<String> rows = new ArrayList<>();
        rows.addAll(SegmentsSideBySide.rows(jdbc, "SELECT * FROM rm_needs_survey WHERE district = ?", district));
        rows.addAll(SegmentsSideBySide.rows(jdbc, "SELECT * FROM rm_needs_survey_need WHERE survey_id IN"
                + " (SELECT survey_id FROM rm_needs_survey WHERE district = ?)", district));
        rows.addAll(SegmentsSideBySide.rows(jdbc, "SELECT * FROM rm_needs_stats WHERE district = ?", district));
        rows.addAll(SegmentsSideBySide.rows(jdbc, "SELECT * FROM rm_needs_survey_stats WHERE district = ?",
                district));
        return rows;
    }

    private void clear() {
        jdbc.update("DELETE FROM rm_needs_survey_need WHERE survey_id IN"
                + " (SELECT survey_id FROM rm_needs_survey WHERE district = ?)", district);
        jdbc.update("DELETE FROM rm_needs_survey WHERE district = ?", district);
        jdbc.update("DELETE FROM rm_needs_stats WHERE district = ?", district);
        jdbc.update("DELETE FROM rm_needs_survey_stats WHERE district = ?", district);
    }
}
