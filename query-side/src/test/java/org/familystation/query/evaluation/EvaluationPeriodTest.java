package org.familystation.query.evaluation;

import org.familystation.platform.error.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Periods as users name them, the period before each, and the cohorts and comparisons they ask for. */
class EvaluationPeriodTest {

    private static final int TEN_YEARS = 3_660;

    private static EvaluationPeriod named(String period) {
        return EvaluationPeriod.of(null, null, period, TEN_YEARS);
    }

    @Test
    void aYearQuarterOrMonthCoversItsDaysAndComparesWithTheOneBefore() {
        EvaluationPeriod year = named("2026");
        assertThat(year.from()).isEqualTo("2026-01-01");
        assertThat(year.to()).isEqualTo("2026-12-31");
        assertThat(year.previous()).isEqualTo(new EvaluationPeriod(EvaluationPeriod.Kind.YEAR,
                LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31")));

        EvaluationPeriod quarter = named("2026-q1");
        assertThat(quarter.label()).isEqualTo("2026-Q1");
        assertThat(quarter.to()).isEqualTo("2026-03-31");
        assertThat(quarter.previous().label()).isEqualTo("2025-Q4");
        assertThat(quarter.previous().from()).isEqualTo("2025-10-01");
        assertThat(named("2026-Q4").to()).isEqualTo("2026-12-31");

        EvaluationPeriod march = named("2026-03");
        assertThat(march.previous().label()).isEqualTo("2026-02");
        assertThat(march.previous().to()).isEqualTo("2026-02-28");
        assertThat(named("2024-03").previous().to()).isEqualTo("2024-02-29");
    }

    @Test
    void daysCompareWithAsManyDaysEndingTheDayBefore() {
        EvaluationPeriod days = EvaluationPeriod.of(LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-19"),
                null, TEN_YEARS);
        assertThat(days.days()).isEqualTo(10);
        assertThat(days.label()).isEqualTo("2026-03-10~2026-03-19");
        assertThat(days.previous().from()).isEqualTo("2026-02-28");
        assertThat(days.previous().to()).isEqualTo("2026-03-09");
        assertThat(days.previous().days()).isEqualTo(10);
    }

    @Test
    void itsInstantsAreTheDaysOfTheUsersCalendar() {
        var instants = named("2026-03").instants(ZoneId.of("Asia/Shanghai"));
        assertThat(instants.start()).isEqualTo(Instant.parse("2026-02-28T16:00:00Z"));
        assertThat(instants.end()).isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
    }

    @Test
    void refusesWhatIsNotAPeriod() {
        assertRefused("EVALUATION_PERIOD_REQUIRED", () -> EvaluationPeriod.of(null, null, " ", TEN_YEARS));
        assertRefused("EVALUATION_PERIOD_REQUIRED",
                () -> EvaluationPeriod.of(null, LocalDate.parse("2026-01-01"), null, TEN_YEARS));
        assertRefused("EVALUATION_PERIOD_CONFLICT",
                () -> EvaluationPeriod.of(LocalDate.parse("2026-01-01"), null, "2026", TEN_YEARS));
        assertRefused("PERIOD_INVALID", () -> EvaluationPeriod.of(LocalDate.parse("2026-01-02"),
                LocalDate.parse("2026-01-01"), null, TEN_YEARS));
        for (String unreadable : new String[]{"2026-00", "2026-13", "2026-Q0", "2026-Q5", "26", "2026-3", "去年"}) {
            assertRefused("EVALUATION_PERIOD_UNREADABLE", () -> named(unreadable));
        }
        assertRefused("EVALUATION_PERIOD_TOO_LONG", () -> EvaluationPeriod.of(LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-01-31"), null, 30));
        assertThat(EvaluationPeriod.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-30"), null, 30)
                .days()).isEqualTo(30);
    }

    @Test
    void readsCohortsAndComparisons() {
        assertThat(Cohort.parse(null, "cohort").code()).isEqualTo("all");
        assertThat(Cohort.parse("non-pilot", "cohort").label()).isEqualTo("非试点家庭驿站");
        assertThat(Cohort.parse("district: 玄武区", "cohort")).isEqualTo(new Cohort(Cohort.Kind.DISTRICT, "玄武区"));
        assertThat(Cohort.parse("district:玄武区", "cohort").code()).isEqualTo("district:玄武区");
        assertRefused("EVALUATION_COHORT_UNKNOWN", () -> Cohort.parse("district:", "cohort"));
        assertRefused("EVALUATION_COHORT_UNKNOWN", () -> Cohort.parse("PILOT", "cohort"));

        Cohort pilot = Cohort.parse("pilot", "cohort");
        assertThat(EvaluationController.Comparison.of(null, pilot).code()).isEqualTo("previous-period");
        assertThat(EvaluationController.Comparison.of("none", pilot).code()).isEqualTo("none");
        assertThat(EvaluationController.Comparison.of("all", pilot).cohort().code()).isEqualTo("all");
        assertRefused("EVALUATION_COMPARE_UNKNOWN", () -> EvaluationController.Comparison.of("last-year", pilot));
        assertRefused("EVALUATION_COMPARE_SAME_COHORT", () -> EvaluationController.Comparison.of("pilot", pilot));
        assertRefused("EVALUATION_FORMAT_UNKNOWN", () -> EvaluationController.Format.of("pdf"));
        assertThat(EvaluationController.Format.of("HTML")).isEqualTo(EvaluationController.Format.HTML);
    }

    private static void assertRefused(String code, Runnable request) {
        assertThatThrownBy(request::run).isInstanceOfSatisfying(DomainException.class,
                refused -> assertThat(refused.refusal().code()).isEqualTo(code));
    }
}
