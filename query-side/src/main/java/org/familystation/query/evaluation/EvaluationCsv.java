package org.familystation.query.evaluation;

import org.familystation.query.common.CsvWriter;
import org.familystation.query.evaluation.EvaluationReport.Row;
import org.familystation.query.evaluation.EvaluationReport.Table;

import java.math.BigDecimal;
import java.time.ZoneId;

/**
 * A report's tables as one sectioned CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark so that Excel reads the
 * Chinese): a few lines about the report, then each table after an empty line — a line {@code 表格,<code>,<title>},
 * a heading line, and one line per figure. Money stays in integer fen. Written by {@link CsvWriter}: a catalogue name
 * or a cohort label is what someone typed, and must not run as a formula.
 */
final class EvaluationCsv {

    private EvaluationCsv() {
    }

    static String csv(EvaluationReport report, ZoneId zone) {
        return CsvWriter.toText(csv -> {
            csv.row("评估报告", report.subject().cohortLabel(), report.subject().period(),
                    report.subject().from().toString(), report.subject().to().toString(), counted(report.subject()));
            if (report.comparison() != null) {
                csv.row("对比", report.comparison().cohortLabel(), report.comparison().period(),
                        report.comparison().from().toString(), report.comparison().to().toString(),
                        counted(report.comparison()));
            }
            EventPosition position = report.position();
            csv.row("事件位置", text(position.position()), "事件库最新", String.valueOf(position.eventStoreHead()));
            csv.row("生成时间", report.generatedAt().toString(), EvaluationPage.local(report.generatedAt(), zone));
            for (Table table : report.tables()) {
                csv.emptyRow();
                csv.row("表格", table.code(), table.title() + EvaluationTables.unitLabel(table, false));
                if (table.note() != null) {
                    csv.row("说明", table.note());
                }
                csv.row("代码", "指标", report.subject().label(),
                        report.comparison() == null ? "对比" : report.comparison().label(), "差值");
                for (Row row : table.rows()) {
                    csv.row(row.key(), row.label(), text(row.value()), text(row.comparison()),
                            text(row.difference()));
                }
            }
        });
    }

    /** How much of the period the figures count: all of it, or part (部分期间) up to a day. */
    private static String counted(EvaluationReport.Subject subject) {
        return subject.partial() ? "部分期间，截至 " + subject.countedTo() : "全期";
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
}
