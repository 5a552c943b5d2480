package org.familystation.query.evaluation;

import org.familystation.events.common.Fen;
import org.familystation.query.evaluation.EvaluationReport.Row;
import org.familystation.query.evaluation.EvaluationReport.Table;
import org.familystation.query.funding.FundingMix.SourceShare;
import org.springframework.web.util.HtmlUtils;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A report as one printable HTML page: Chinese labels, the tables, and bar charts drawn here as inline SVG (services
 * by station point and by project, the funding mix), with no script, font or style from anywhere else.
 */
final class EvaluationPage {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String SUBJECT_COLOUR = "#b03a2e";
    private static final String COMPARISON_COLOUR = "#99a3a4";
    private static final String[] FUNDING_COLOURS = {"#1f618d", "#239b56", "#d68910"};

    private static final String STYLE = """
            body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
                   color: #222; margin: 24px auto; max-width: 960px; font-size: 14px; }
            h1 { font-size: 22px; margin-bottom: 4px; }
            h2 { font-size: 16px; border-bottom: 2px solid #b03a2e; padding-bottom: 2px; margin-top: 24px; }
            .meta { color: #555; font-size: 12px; }
            .note { color: #555; font-style: italic; }
            .partial { color: #b03a2e; font-weight: bold; }
            table { border-collapse: collapse; width: 100%; margin: 8px 0; }
            th, td { border: 1px solid #ccc; padding: 3px 6px; }
            th { background: #f4f4f4; }
            td.number { text-align: right; font-variant-numeric: tabular-nums; }
            td.up { color: #1e8449; } td.down { color: #b03a2e; }
            svg { display: block; margin: 8px 0; }
            @page { size: A4; margin: 15mm; }
            @media print {
              body { margin: 0; max-width: none; font-size: 11pt; }
              section { break-inside: avoid; page-break-inside: avoid; }
              h2 { break-after: avoid; }
            }
            """;

    private EvaluationPage() {
    }

    static String html(EvaluationReport report, ZoneId zone) {
        StringBuilder html = new StringBuilder();
        String title = "家庭驿站服务体系评估报告：" + report.subject().label();
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<header>\n<h1>").append(escape(title)).append("</h1>\n<p>评估对象：")
                .append(escape(report.subject().cohortLabel())).append("；时段：")
                .append(escape(days(report.subject()))).append("</p>\n");
        if (report.subject().partial()) {
            html.append("<p class=\"partial\">").append(escape("部分期间：本期尚未结束，数据截至 "
                    + report.subject().countedTo() + (report.comparison() != null
                    ? "；对比取相同天数（" + report.comparison().from() + " 至 " + report.comparison().countedTo() + "）"
                    : ""))).append("</p>\n");
        }
        html.append("<p>对比：")
                .append(escape(report.comparison() == null ? "无"
                        : report.comparison().cohortLabel() + "，" + days(report.comparison())))
                .append("</p>\n");
        EventPosition position = report.position();
        html.append("<p class=\"meta\">计算于事件位置 ").append(position.position() == null ? "（无）"
                        : position.position()).append("（事件库最新位置 ").append(position.eventStoreHead())
                .append(position.caughtUp() ? "，已全部计入" : "，尚有事件未计入").append(position.replaying()
                        ? "，读模型正在重建" : "").append(position.deadLetters() > 0
                        ? "，" + position.deadLetters() + " 个事件在死信队列中未计入" : "")
                .append("）；生成时间 ").append(escape(local(report.generatedAt(), zone))).append("（")
                .append(escape(zone.getId())).append("）</p>\n");
        // Which time the figures count by (docs/design/business-dates.md): the dates things happened, not when
        // they were entered.
        html.append("<p class=\"meta\">按业务发生日期统计：驿站按开设、暂停、关闭日期，服务按服务日期，资金按到账、分配、支出日期，"
                + "需求按调研日期（而非录入系统的时间）</p>\n</header>\n");

        for (Table table : report.tables()) {
            html.append("<section>\n<h2>").append(escape(table.title() + EvaluationTables.unitLabel(table, true)))
                    .append("</h2>\n");
            if (table.note() != null) {
                html.append("<p class=\"note\">").append(escape(table.note())).append("</p>\n");
            }
            if (table.code().equals(EvaluationTables.SERVICES_BY_POINT)
                    || table.code().equals(EvaluationTables.SERVICES_BY_PROJECT)) {
                html.append(servicesChart(table, report));
            }
            if (table.code().equals(EvaluationTables.FUNDING)) {
                html.append(fundingChart(report.figures().funding().bySource()));
            }
            html.append(table(table, report));
            html.append("</section>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    /** An instant in the users' calendar and clock. */
    static String local(Instant instant, ZoneId zone) {
        return LOCAL.format(instant.atZone(zone));
    }

    private static String days(EvaluationReport.Subject subject) {
        String days = subject.period() + "（" + subject.from() + " 至 " + subject.to();
        return days + (subject.partial() ? "；只计 " + subject.from() + " 至 " + subject.countedTo() + " 共 "
                + subject.daysCounted() + " 天" : "") + "）";
    }

    private static String table(Table table, EvaluationReport report) {
        boolean compared = report.comparison() != null;
        boolean fen = table.unit().equals("fen");
        StringBuilder html = new StringBuilder("<table>\n<thead><tr><th>指标</th><th>")
                .append(escape(report.subject().label())).append("</th>");
        if (compared) {
            html.append("<th>").append(escape(report.comparison().label())).append("</th><th>差值</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (Row row : table.rows()) {
            html.append("<tr><td>").append(escape(row.label())).append("</td>")
                    .append(cell(row.value(), fen, ""));
            if (compared) {
                html.append(cell(row.comparison(), fen, ""));
                String trend = row.difference() == null || row.difference().signum() == 0 ? ""
                        : row.difference().signum() > 0 ? " up" : " down";
                html.append(cell(row.difference(), fen, trend));
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    private static String cell(BigDecimal value, boolean fen, String style) {
        return "<td class=\"number" + style + "\">" + escape(figure(value, fen)) + "</td>";
    }

    /** A figure as people read it: money in yuan (¥1,234.56) from fen, other figures as they are; "—" for none. */
    static String figure(BigDecimal value, boolean fen) {
        if (value == null) {
            return "—";
        }
        return fen ? Fen.yuan(value.longValueExact()) : value.toPlainString();
    }

    private static String servicesChart(Table table, EvaluationReport report) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> subject = new ArrayList<>();
        List<BigDecimal> comparison = new ArrayList<>();
        table.rows().forEach(row -> {
            labels.add(row.label());
            subject.add(row.value());
            comparison.add(row.comparison());
        });
        List<Series> series = new ArrayList<>();
        series.add(new Series(report.subject().label(), SUBJECT_COLOUR, subject));
        if (report.comparison() != null) {
            series.add(new Series(report.comparison().label(), COMPARISON_COLOUR, comparison));
        }
        return barChart(table.title(), labels, series, false);
    }

    private static String fundingChart(List<SourceShare> sources) {
        List<String> labels = sources.stream().map(SourceShare::label).toList();
        List<Series> series = new ArrayList<>();
        if (sources.stream().anyMatch(source -> source.receivedFen() != null)) {
            series.add(new Series("收到", FUNDING_COLOURS[0], sources.stream()
                    .map(source -> source.receivedFen() == null ? null : BigDecimal.valueOf(source.receivedFen()))
                    .toList()));
        }
        series.add(new Series("分配", FUNDING_COLOURS[1], sources.stream()
                .map(source -> BigDecimal.valueOf(source.allocatedFen())).toList()));
        series.add(new Series("支出", FUNDING_COLOURS[2], sources.stream()
                .map(source -> BigDecimal.valueOf(source.spentFen())).toList()));
        return barChart("资金构成（按来源）", labels, series, true);
    }

    private record Series(String name, String colour, List<BigDecimal> values) {
    }

    /** Horizontal bars, one group per label and one bar per series in each, scaled to the largest value. */
    private static String barChart(String title, List<String> labels, List<Series> series, boolean fen) {
        int labelWidth = 170;
        int barArea = 560;
        int valueWidth = 110;
        int barHeight = 14;
        int groupHeight = series.size() * barHeight + 10;
        int legendHeight = 24;
        int width = labelWidth + barArea + valueWidth;
        int height = legendHeight + Math.max(1, labels.size()) * groupHeight + 4;
        BigDecimal max = series.stream().flatMap(one -> one.values().stream())
                .filter(value -> value != null && value.signum() > 0).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);

        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\" font-size=\"12\">\n<title>").append(escape(title))
                .append("</title>\n");
        int legendX = labelWidth;
        for (Series one : series) {
            svg.append("<rect x=\"").append(legendX).append("\" y=\"4\" width=\"12\" height=\"12\" fill=\"")
                    .append(one.colour()).append("\"/><text x=\"").append(legendX + 16).append("\" y=\"14\">")
                    .append(escape(one.name())).append("</text>\n");
            legendX += 40 + one.name().length() * 13;
        }
        if (labels.isEmpty()) {
            svg.append("<text x=\"").append(labelWidth).append("\" y=\"").append(legendHeight + 14)
                    .append("\">期内无数据</text>\n");
        }
        for (int i = 0; i < labels.size(); i++) {
            int top = legendHeight + i * groupHeight;
            svg.append("<text x=\"").append(labelWidth - 6).append("\" y=\"").append(top + groupHeight / 2 + 4)
                    .append("\" text-anchor=\"end\">").append(escape(labels.get(i))).append("</text>\n");
            for (int s = 0; s < series.size(); s++) {
                BigDecimal value = series.get(s).values().get(i);
                long length = value == null || value.signum() <= 0 ? 0
                        : value.multiply(BigDecimal.valueOf(barArea)).divide(max, 0, java.math.RoundingMode.HALF_UP)
                        .longValue();
                int y = top + 4 + s * barHeight;
                svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y).append("\" width=\"")
                        .append(length).append("\" height=\"").append(barHeight - 2).append("\" fill=\"")
                        .append(series.get(s).colour()).append("\"/><text x=\"").append(labelWidth + length + 4)
                        .append("\" y=\"").append(y + barHeight - 4).append("\">").append(escape(figure(value, fen)))
                        .append("</text>\n");
            }
        }
        return svg.append("</svg>\n").toString();
    }

    static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
