package org.familystation.query.evaluation;

import org.familystation.platform.error.DomainException;
import org.familystation.query.common.QueryProperties;
import org.familystation.query.reach.Reach;
import org.familystation.query.reach.Reaches;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Evaluations (评估) of a cohort in a period against another cohort or the previous period, as JSON, a printable
 * HTML page or CSV. The figures and the token positions are read in one REPEATABLE READ snapshot, so the
 * position a report states is exactly the history its figures reflect.
 */
@RestController
public class EvaluationController {

    private final Cohorts cohorts;
    private final EvaluationQueries queries;
    private final EventPositions positions;
    private final EvaluationProperties properties;
    private final QueryProperties queryProperties;
    private final TransactionTemplate snapshot;
    private final Clock clock;
    private final Reaches reaches;

    public EvaluationController(Cohorts cohorts, EvaluationQueries queries, EventPositions positions,
                                EvaluationProperties properties, QueryProperties queryProperties,
                                PlatformTransactionManager transactions, Clock clock, Reaches reaches) {
        this.reaches = reaches;
        this.cohorts = cohorts;
        this.queries = queries;
        this.positions = positions;
        this.properties = properties;
        this.queryProperties = queryProperties;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.clock = clock;
    }

    /**
     * @param from    first day (users' calendar), with {@code to}
     * @param to      last day, included
     * @param period  instead of from/to: a year (2026), a quarter (2026-Q1) or a month (2026-03)
     * @param cohort  all (default), pilot, non-pilot, demonstration or district:玄武区
     * @param compare previous-period (default), none, or another cohort over the same period
     * @param format  json (default), html, csv or xlsx
     */
    @GetMapping("/api/evaluations")
    public ResponseEntity<?> evaluation(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String cohort,
            @RequestParam(required = false) String compare,
            @RequestParam(required = false) String format) {
        Format answer = Format.of(format);
        EvaluationPeriod evaluated = EvaluationPeriod.of(from, to, period, properties.getMaxPeriodDays());
        Cohort subject = Cohort.parse(cohort, "cohort");
        Comparison comparison = Comparison.of(compare, subject);
        Reach reach = reaches.current();
        EvaluationReport report = snapshot.execute(status -> report(evaluated, subject, comparison, reach));
        String file = "evaluation-" + subject.code().replace(':', '-') + "-" + evaluated.label();
        return switch (answer) {
            case JSON -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
            case HTML -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(EvaluationPage.html(report, queryProperties.getTimeZone()));
            case CSV -> ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, attachment(file + ".csv"))
                    .body(EvaluationCsv.csv(report, queryProperties.getTimeZone()));
            case XLSX -> ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, attachment(file + ".xlsx"))
                    .body(EvaluationCsv.xlsx(report, queryProperties.getTimeZone()));
        };
    }

    private static String attachment(String filename) {
        return ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString();
    }

    /**
     * A period that is not over counts up to today (部分期间), and is compared with as many days from the start of
     * the previous period (or with the same days of another cohort), never with a whole period against part of one.
     */
    private EvaluationReport report(EvaluationPeriod period, Cohort cohort, Comparison comparison, Reach reach) {
        EventPosition position = positions.now();
        CohortScope scope = cohorts.resolve(cohort, "cohort", reach);
        LocalDate today = LocalDate.ofInstant(clock.instant(), queryProperties.getTimeZone());
        if (period.from().isAfter(today)) {
            throw DomainException.refuseField(EvaluationRefusals.PERIOD_NOT_STARTED, "period", period.label(),
                    today);
        }
        boolean running = !period.to().isBefore(today);
        EvaluationPeriod counted = period.upTo(today);
        EvaluationFigures figures = queries.figures(scope, counted);
        EvaluationReport.Subject subject = EvaluationReport.Subject.of(scope, period, counted, running);
        EvaluationReport.Subject other = null;
        EvaluationFigures otherFigures = null;
        if (comparison.kind() != Comparison.Kind.NONE) {
            CohortScope otherScope = comparison.kind() == Comparison.Kind.COHORT
                    ? cohorts.resolve(comparison.cohort(), "compare", reach) : scope;
            boolean previous = comparison.kind() == Comparison.Kind.PREVIOUS_PERIOD;
            EvaluationPeriod otherPeriod = previous ? period.previous() : period;
            EvaluationPeriod otherCounted = !previous ? counted
                    : running ? otherPeriod.firstDays(counted.days()) : otherPeriod;
            other = EvaluationReport.Subject.of(otherScope, otherPeriod, otherCounted, running && !previous);
            otherFigures = queries.figures(otherScope, otherCounted);
        }
        return new EvaluationReport(clock.instant(), position, subject, comparison.code(), other, figures,
                otherFigures, EvaluationTables.of(figures, otherFigures));
    }

    enum Format {
        JSON, HTML, CSV, XLSX;

        static Format of(String value) {
            if (value == null || value.isBlank()) {
                return JSON;
            }
            for (Format format : values()) {
                if (format.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
                    return format;
                }
            }
            throw DomainException.refuseField(EvaluationRefusals.FORMAT_UNKNOWN, "format", value);
        }
    }

    /** What the subject is compared with. */
    record Comparison(Kind kind, Cohort cohort) {

        enum Kind { PREVIOUS_PERIOD, NONE, COHORT }

        static Comparison of(String value, Cohort subject) {
            String text = value == null ? "" : value.strip();
            if (text.isEmpty() || text.equals("previous-period")) {
                return new Comparison(Kind.PREVIOUS_PERIOD, null);
            }
            if (text.equals("none")) {
                return new Comparison(Kind.NONE, null);
            }
            Cohort other = Cohort.parse(text, "compare", EvaluationRefusals.COMPARE_UNKNOWN);
            if (other.equals(subject)) {
                throw DomainException.refuseField(EvaluationRefusals.COMPARE_SAME_COHORT, "compare");
            }
            return new Comparison(Kind.COHORT, other);
        }

        String code() {
            return switch (kind) {
                case PREVIOUS_PERIOD -> "previous-period";
                case NONE -> "none";
                case COHORT -> "cohort";
            };
        }
    }
}
