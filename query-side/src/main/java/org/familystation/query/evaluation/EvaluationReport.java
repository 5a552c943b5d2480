package org.familystation.query.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An evaluation: the figures of a cohort in a period, beside those of what it is compared with, and the same
 * figures as tables (what the HTML page and the CSV show). Everything but {@code generatedAt} is a function of the
 * read models' contents at {@code position}.
 *
 * @param compare            previous-period, none, or cohort (another cohort, same period)
 * @param comparison         what the figures are compared with; absent with compare=none
 * @param comparisonFigures  its figures; absent with compare=none
 */
public record EvaluationReport(Instant generatedAt, EventPosition position, Subject subject, String compare,
                               Subject comparison, EvaluationFigures figures, EvaluationFigures comparisonFigures,
                               List<Table> tables) {

    /**
     * A cohort in a period; {@code label} names it in column headings. The figures count the days from {@code from}
     * to {@code countedTo}: the whole period, or, when {@code partial}, only its first days. A subject is partial
     * when its period is not over (it counts up to today: 部分期间); a comparison is then partial too, cut to as many
     * days from its start, so that both sides count the same number of days.
     */
    public record Subject(String label, String period, LocalDate from, LocalDate to, String cohort,
                          String cohortLabel, boolean partial, LocalDate countedTo, long daysCounted) {

        /**
         * @param period  the period of this side
         * @param counted the days of it that are counted
         * @param running the period is not over: counted up to today
         */
        static Subject of(CohortScope scope, EvaluationPeriod period, EvaluationPeriod counted, boolean running) {
            boolean partial = running || !counted.equals(period);
            String label = scope.cohort().label() + " " + period.label();
            if (running) {
                label += "（部分期间，截至 " + counted.to() + "）";
            } else if (partial) {
                label += "（同期前 " + counted.days() + " 天，截至 " + counted.to() + "）";
            }
            return new Subject(label, period.label(), period.from(), period.to(), scope.cohort().code(),
                    scope.cohort().label(), partial, counted.to(), counted.days());
        }
    }

    /**
     * One table: one figure per row, for the subject, for the comparison, and the difference (subject minus
     * comparison; absent when either is).
     *
     * @param unit fen (money, integer fen) or number (counts, hours, averages, rates: the row says which)
     * @param note why the subject's side of the table is empty (本期无…), or null when it has figures
     */
    public record Table(String code, String title, String unit, List<Row> rows, String note) {
    }

    public record Row(String key, String label, BigDecimal value, BigDecimal comparison, BigDecimal difference) {
    }
}
