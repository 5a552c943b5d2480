package org.familystation.query.evaluation;

import org.familystation.query.dashboard.DashboardSummary.ServiceCount;
import org.familystation.query.evaluation.EvaluationFigures.AllianceFigures;
import org.familystation.query.evaluation.EvaluationReport.Row;
import org.familystation.query.evaluation.EvaluationReport.Table;
import org.familystation.query.funding.FundingMix.SourceShare;
import org.familystation.query.needs.NeedsDashboard.NeedGap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The figures of a report as tables of rows: one figure, its comparison and their difference per row. */
final class EvaluationTables {

    static final String SERVICES_BY_POINT = "services-by-station-point";
    static final String SERVICES_BY_PROJECT = "services-by-project";
    static final String FUNDING = "funding";

    private EvaluationTables() {
    }

    /** @param other the comparison's figures, or null */
    static List<Table> of(EvaluationFigures figures, EvaluationFigures other) {
        List<Table> tables = new ArrayList<>();
        tables.add(table("stations", "家庭驿站", "number", figures, other, rows -> {
            rows.put("inCohort", line("期末驿站数", f -> f.stations().inCohort()));
            rows.put("opened", line("期内新开驿站", f -> f.stations().opened()));
            rows.put("active", line("期内有服务的驿站", f -> f.stations().active()));
        }));
        tables.add(table("services", "服务与受益", "number", figures, other, rows -> {
            rows.put("services", line("服务次数", f -> f.services().services()));
            rows.put("beneficiaries", line("服务人次", f -> f.services().beneficiaries()));
            rows.put("rated", line("已评分服务", f -> f.services().rated()));
            rows.put("unrated", line("未评分服务", f -> f.services().unrated()));
        }));
        tables.add(table("satisfaction", "满意度", "number", figures, other, rows -> {
            rows.put("average", line("平均满意度（1–5）", f -> f.services().averageSatisfaction()));
            for (int score = 5; score >= 1; score--) {
                int index = score - 1;
                rows.put("score-" + score, line(score + " 分（次）", f -> f.services().satisfaction().get(index)));
            }
        }));
        tables.add(keyed(SERVICES_BY_POINT, "服务次数（按驿站点）", figures, other,
                f -> f.services().byStationPoint()));
        tables.add(keyed(SERVICES_BY_PROJECT, "服务次数（按项目）", figures, other, f -> f.services().byProject()));
        tables.add(table("needs", "需求与服务（缺口 = 需求人次超出服务人次的部分）", "number", figures, other, rows -> {
            rows.put("surveys", line("需求调研次数", f -> f.needs().surveys()));
            rows.put("respondents", line("受访人数", f -> f.needs().respondents()));
            rows.put("needs", line("需求人次", f -> f.needs().needs()));
            categories(figures, other).forEach((code, name) -> {
                rows.put(code + ".needs", line(name + "：需求人次", f -> gap(f, code, NeedGap::needs)));
                rows.put(code + ".served", line(name + "：服务人次", f -> gap(f, code, NeedGap::participants)));
                rows.put(code + ".shortfall", line(name + "：缺口", f -> gap(f, code, NeedGap::shortfall)));
            });
        }));
        tables.add(table("referrals", "转介（期内转出；各环节以期末前完成为准）", "number", figures, other, rows -> {
            rows.put("referred", line("转介数", f -> f.referrals().referred()));
            rows.put("accepted", line("已受理", f -> f.referrals().accepted()));
            rows.put("declined", line("已拒绝", f -> f.referrals().declined()));
            rows.put("withdrawn", line("已撤回", f -> f.referrals().withdrawn()));
            rows.put("resolved", line("已解决", f -> f.referrals().resolved()));
            rows.put("closed", line("已办结", f -> f.referrals().closed()));
            rows.put("closureRate", line("办结率", f -> f.referrals().closureRate()));
            rows.put("hoursToAccept.average", line("受理用时（小时，平均）",
                    f -> f.referrals().hoursToAccept().average()));
            rows.put("hoursToAccept.median", line("受理用时（小时，中位数）",
                    f -> f.referrals().hoursToAccept().median()));
            rows.put("hoursToResolve.average", line("解决用时（小时，平均）",
                    f -> f.referrals().hoursToResolve().average()));
            rows.put("hoursToResolve.median", line("解决用时（小时，中位数）",
                    f -> f.referrals().hoursToResolve().median()));
        }));
        tables.add(table("volunteer-time", "巾帼志愿服务", "number", figures, other, rows -> {
            rows.put("hours", line("志愿服务时长（小时）", f -> f.volunteerTime().hours()));
            rows.put("minutes", line("志愿服务时长（分钟）", f -> f.volunteerTime().minutes()));
            rows.put("services", line("有志愿者参与的服务", f -> f.volunteerTime().services()));
            rows.put("volunteers", line("志愿者人数", f -> f.volunteerTime().volunteers()));
        }));
        tables.add(table("alliance-growth", "品牌联盟发展（全市）", "number", figures, other, rows -> {
            rows.put("applications", line("入盟申请", f -> f.allianceGrowth().applications()));
            rows.put("admissions", line("准入", f -> f.allianceGrowth().admissions()));
            rows.put("suspensions", line("暂停（按最近一次）", f -> f.allianceGrowth().suspensions()));
            rows.put("expulsions", line("除名", f -> f.allianceGrowth().expulsions()));
            rows.put("withdrawals", line("退出", f -> f.allianceGrowth().withdrawals()));
            rows.put("membersAtEnd", line("期末成员", f -> f.allianceGrowth().membersAtEnd()));
            figures.allianceGrowth().byAlliance().forEach(alliance -> rows.put(alliance.alliance() + ".membersAtEnd",
                    line(alliance.label() + "：期末成员", f -> member(f, alliance.alliance()).membersAtEnd())));
        }));
        // The unit goes in the heading where the figures are shown: ¥ on the page, fen in the CSV (unitLabel).
        tables.add(table(FUNDING, "资金", "fen", figures, other, rows -> {
            rows.put("received", line("收到", f -> f.funding().receivedFen()));
            rows.put("allocated", line("分配", f -> f.funding().allocatedFen()));
            rows.put("spent", line("支出", f -> f.funding().spentFen()));
            figures.funding().bySource().forEach(source -> {
                String code = source.source().name();
                rows.put(code + ".received", line(source.label() + "：收到", f -> source(f, code).receivedFen()));
                rows.put(code + ".allocated", line(source.label() + "：分配",
                        f -> source(f, code).allocatedFen()));
                rows.put(code + ".spent", line(source.label() + "：支出", f -> source(f, code).spentFen()));
            });
        }));
        return tables;
    }

    private record Line(String label, Function<EvaluationFigures, Number> figure) {
    }

    private static Line line(String label, Function<EvaluationFigures, Number> figure) {
        return new Line(label, figure);
    }

    private static Table table(String code, String title, String unit, EvaluationFigures figures,
                               EvaluationFigures other, java.util.function.Consumer<Map<String, Line>> lines) {
        Map<String, Line> rows = new LinkedHashMap<>();
        lines.accept(rows);
        List<Row> result = new ArrayList<>();
        rows.forEach((key, line) -> result.add(row(key, line.label(), line.figure().apply(figures),
                other == null ? null : line.figure().apply(other))));
        return new Table(code, title, unit, result, empty(result) ? EMPTY.get(code) : null);
    }

    /** Why a table whose subject has no figure is empty, by table. */
    private static final Map<String, String> EMPTY = Map.ofEntries(
            Map.entry("stations", "本期评估对象中没有家庭驿站"),
            Map.entry("services", "本期无服务记录"),
            Map.entry("satisfaction", "本期无已评分的服务"),
            Map.entry(SERVICES_BY_POINT, "本期无服务记录"),
            Map.entry(SERVICES_BY_PROJECT, "本期无服务记录"),
            Map.entry("needs", "本期无需求调研记录"),
            Map.entry("referrals", "本期无转介"),
            Map.entry("volunteer-time", "本期无志愿服务记录"),
            Map.entry("alliance-growth", "本期品牌联盟无成员"),
            Map.entry(FUNDING, "本期无资金收支"));

    /** The subject has no figure other than zero. */
    private static boolean empty(List<Row> rows) {
        return rows.stream().allMatch(row -> row.value() == null || row.value().signum() == 0);
    }

    /** The unit of a table's figures as its heading says it, in the page (yuan) or in the CSV (fen). */
    static String unitLabel(Table table, boolean yuan) {
        return !table.unit().equals("fen") ? "" : yuan ? "（元）" : "（分）";
    }

    /** Services per key (station point, project), over the keys of both sides, in the subject's order first. */
    private static Table keyed(String code, String title, EvaluationFigures figures, EvaluationFigures other,
                               Function<EvaluationFigures, List<ServiceCount>> counts) {
        Map<String, String> labels = new LinkedHashMap<>();
        counts.apply(figures).forEach(count -> labels.put(count.key(), count.label()));
        if (other != null) {
            counts.apply(other).forEach(count -> labels.putIfAbsent(count.key(), count.label()));
        }
        List<Row> rows = new ArrayList<>();
        labels.forEach((key, label) -> rows.add(row(key, label, services(counts.apply(figures), key),
                other == null ? null : services(counts.apply(other), key))));
        return new Table(code, title, "number", rows, empty(rows) ? EMPTY.get(code) : null);
    }

    private static long services(List<ServiceCount> counts, String key) {
        return counts.stream().filter(count -> count.key().equals(key)).mapToLong(ServiceCount::services).sum();
    }

    private static Map<String, String> categories(EvaluationFigures figures, EvaluationFigures other) {
        Map<String, String> names = new LinkedHashMap<>();
        figures.needs().gap().forEach(gap -> names.put(gap.categoryCode(), gap.categoryName()));
        if (other != null) {
            other.needs().gap().forEach(gap -> names.putIfAbsent(gap.categoryCode(), gap.categoryName()));
        }
        return names;
    }

    private static long gap(EvaluationFigures figures, String category, Function<NeedGap, Long> figure) {
        return figures.needs().gap().stream().filter(gap -> gap.categoryCode().equals(category))
                .mapToLong(figure::apply).sum();
    }

    private static AllianceFigures member(EvaluationFigures figures, String alliance) {
        return figures.allianceGrowth().byAlliance().stream()
                .filter(figure -> figure.alliance().equals(alliance)).findFirst().orElseThrow();
    }

    private static SourceShare source(EvaluationFigures figures, String source) {
        return figures.funding().bySource().stream().filter(share -> share.source().name().equals(source))
                .findFirst().orElseThrow();
    }

    private static Row row(String key, String label, Number value, Number comparison) {
        BigDecimal current = decimal(value);
        BigDecimal compared = decimal(comparison);
        return new Row(key, label, current, compared,
                current == null || compared == null ? null : current.subtract(compared));
    }

    private static BigDecimal decimal(Number number) {
        if (number == null) {
            return null;
        }
        return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
    }
}
