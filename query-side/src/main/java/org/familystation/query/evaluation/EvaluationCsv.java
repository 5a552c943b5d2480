package org.familystation.query.evaluation;

import org.familystation.platform.spreadsheet.XlsxWriter;
import org.familystation.query.common.CsvWriter;
import org.familystation.query.evaluation.EvaluationReport.Row;
import org.familystation.query.evaluation.EvaluationReport.Table;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A report's tables as one sectioned sheet, written as CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark so that
 * Excel reads the Chinese) or as .xlsx with the same lines: a few lines about the report, then each table after an
 * empty line — a line {@code 表格,<code>,<title>}, a heading line, and one line per figure. Money stays in integer
 * fen. Written by {@link CsvWriter} and {@link XlsxWriter}: a catalogue name or a cohort label is what someone typed,
 * and must not run as a formula.
 */
final class EvaluationCsv {

    private EvaluationCsv() {
    }

    static String csv(EvaluationReport report, ZoneId zone) {
        return CsvWriter.toText(csv -> {
            for (List<Object> line : lines(report, zone)) {
                if (line.isEmpty()) {
                    csv.emptyRow();
                } else {
                    csv.row(line.stream().map(EvaluationCsv::text).toList());
                }
            }
        });
    }

    /** The same lines as a workbook: figures are numbers a spreadsheet can add up. */
    static byte[] xlsx(EvaluationReport report, ZoneId zone) {
        return XlsxWriter.toBytes(zone, xlsx -> {
            xlsx.sheet("评估报告");
            for (List<Object> line : lines(report, zone)) {
                if (line.isEmpty()) {
                    xlsx.emptyRow();
                } else {
                    xlsx.row(line);
                }
            }
        });
    }

    /** The report's lines, each a list of cells (an empty list between sections). */
    private static List<List<Object>> lines(EvaluationReport report, ZoneId zone) {
        List<List<Object>> lines = new ArrayList<>();
        lines.add(List.of("评估报告", report.subject().cohortLabel(), report.subject().period(),
                report.subject().from().toString(), report.subject().to().toString(), counted(report.subject())));
        if (report.comparison() != null) {
            lines.add(List.of("对比", report.comparison().cohortLabel(), report.comparison().period(),
                    report.comparison().from().toString(), report.comparison().to().toString(),
                    counted(report.comparison())));
        }
        EventPosition position = report.position();
        lines.add(Arrays.asList("事件位置", position.position(), "事件库最新", position.eventStoreHead()));
        lines.add(List.of("生成时间", report.generatedAt().toString(), EvaluationPage.local(report.generatedAt(), zone)));
        for (Table table : report.tables()) {
            lines.add(List.of());
            lines.add(List.of("表格", table.code(), table.title() + EvaluationTables.unitLabel(table, false)));
            if (table.note() != null) {
                lines.add(List.of("说明", table.note()));
            }
            lines.add(List.of("代码", "指标", report.subject().label(),
                    report.comparison() == null ? "对比" : report.comparison().label(), "差值"));
            for (Row row : table.rows()) {
                lines.add(Arrays.asList(row.key(), row.label(), row.value(), row.comparison(), row.difference()));
            }
        }
        return lines;
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
