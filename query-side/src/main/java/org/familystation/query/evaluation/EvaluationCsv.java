package org.familystation.query.evaluation;

import org.familystation.query.evaluation.EvaluationReport.Row;
import org.familystation.query.evaluation.EvaluationReport.Table;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A report's tables as one sectioned CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark so that Excel reads the
 * Chinese): a few lines about the report, then each table after an empty line — a line {@code 表格,<code>,<title>},
 * a heading line, and one line per figure. Money stays in integer fen.
 */
final class EvaluationCsv {

    private static final String BOM = "\uFEFF";
    private static final String NEWLINE = "\r\n";

    private EvaluationCsv() {
    }

    static String csv(EvaluationReport report, ZoneId zone) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, "评估报告", report.subject().cohortLabel(), report.subject().period(),
                report.subject().from().toString(), report.subject().to().toString());
        if (report.comparison() != null) {
            line(csv, "对比", report.comparison().cohortLabel(), report.comparison().period(),
                    report.comparison().from().toString(), report.comparison().to().toString());
        }
        EventPosition position = report.position();
        line(csv, "事件位置", text(position.position()), "事件库最新", String.valueOf(position.eventStoreHead()));
        line(csv, "生成时间", report.generatedAt().toString(), EvaluationPage.local(report.generatedAt(), zone));
        for (Table table : report.tables()) {
            csv.append(NEWLINE);
            line(csv, "表格", table.code(), table.title());
            line(csv, "代码", "指标", report.subject().label(),
                    report.comparison() == null ? "对比" : report.comparison().label(), "差值");
            for (Row row : table.rows()) {
                line(csv, row.key(), row.label(), text(row.value()), text(row.comparison()), text(row.difference()));
            }
        }
        return csv.toString();
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    private static void line(StringBuilder csv, String... fields) {
        csv.append(Stream.of(fields).map(EvaluationCsv::field).collect(Collectors.joining(","))).append(NEWLINE);
    }

    /** A field, quoted when it holds a comma, a quote or a line break (quotes doubled). */
    static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
