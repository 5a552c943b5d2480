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

    /** A cohort in a period; {@code label} names it in column headings. */
    public record Subject(String label, String period, LocalDate from, LocalDate to, String cohort,
                          String cohortLabel) {

        static Subject of(CohortScope scope, EvaluationPeriod period) {
            return new Subject(scope.cohort().label() + " " + period.label(), period.label(), period.from(),
                    period.to(), scope.cohort().code(), scope.cohort().label());
        }
    }

    /**
     * One table: one figure per row, for the subject, for the comparison, and the difference (subject minus
     * comparison; absent when either is).
     *
     * @param unit fen (money, integer fen) or number (counts, hours, averages, rates: the row says which)
     */
    public record Table(String code, String title, String unit, List<Row> rows) {
    }

    public record Row(String key, String label, BigDecimal value, BigDecimal comparison, BigDecimal difference) {
    }
}
