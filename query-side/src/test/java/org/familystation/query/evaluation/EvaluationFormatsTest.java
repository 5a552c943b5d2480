package org.familystation.query.evaluation;

import org.familystation.events.common.FundingSource;
import org.familystation.query.dashboard.DashboardSummary.ServiceCount;
import org.familystation.query.funding.FundingMix.SourceShare;
import org.familystation.query.needs.NeedsDashboard.NeedGap;
import org.familystation.query.needs.NeedsDashboard.ProjectServices;
import org.familystation.query.referral.ReferralDashboard.Hours;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTML page and the CSV of a report built here, without servers: escaping, money, quoting, charts. */
class EvaluationFormatsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static EvaluationFigures figures(long services, long allocatedFen) {
        List<SourceShare> sources = Arrays.stream(FundingSource.values())
                .map(source -> new SourceShare(source, source.label(), null, null,
                        source == FundingSource.SOCIAL_DONATION ? allocatedFen : 0, null, 0, null))
                .toList();
        return new EvaluationFigures(
                new EvaluationFigures.Stations(2, 1, 2),
                new EvaluationFigures.Services(services, services * 10, 4.5, services, 0, List.of(0L, 0L, 0L, 1L, 1L),
                        List.of(new ServiceCount("CONVENIENCE", "便民驿站", services, services * 10, 4.5)),
                        List.of(new ServiceCount("HOUSEKEEPING", "家政, 保洁 \"上门\"", services, services * 10, 4.5))),
                new EvaluationFigures.Needs(1, 30, 20, List.of(new NeedGap("HOUSEKEEPING", "家政服务", 20, services,
                        services * 10, 0, 1.0, List.of(new ProjectServices("HOUSEKEEPING", "家政", services, 20))))),
                new EvaluationFigures.Referrals(0, 0, 0, 0, 0, 0, null, new Hours(0, null, null),
                        new Hours(0, null, null)),
                new EvaluationFigures.VolunteerTime(90, new BigDecimal("1.50"), 1, 1),
                new EvaluationFigures.AllianceGrowth(0, 0, 0, 0, 0, 0, List.of()),
                new EvaluationFigures.Funding(null, allocatedFen, 0, sources));
    }

    private static EvaluationReport report() {
        EvaluationFigures subject = figures(2, 123_456);
        EvaluationFigures comparison = figures(3, 123_556);
        return new EvaluationReport(Instant.parse("2026-03-31T16:30:00Z"),
                new EventPosition(41L, 42, false, false, 0, Map.of("stations", 41L)),
                new EvaluationReport.Subject("A&B<区> 2026-03", "2026-03", LocalDate.parse("2026-03-01"),
                        LocalDate.parse("2026-03-31"), "district:A&B<区>", "A&B<区>", false,
                        LocalDate.parse("2026-03-31"), 31),
                "previous-period",
                new EvaluationReport.Subject("A&B<区> 2026-02", "2026-02", LocalDate.parse("2026-02-01"),
                        LocalDate.parse("2026-02-28"), "district:A&B<区>", "A&B<区>", false,
                        LocalDate.parse("2026-02-28"), 28),
                subject, comparison, EvaluationTables.of(subject, comparison));
    }

    @Test
    void thePageEscapesNamesShowsMoneyInYuanAndDrawsThreeCharts() throws Exception {
        String html = EvaluationPage.html(report(), SHANGHAI);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "evaluation-sample.html"), html, StandardCharsets.UTF_8);

        assertThat(html).contains("A&amp;B&lt;区&gt; 2026-03", "家政, 保洁 &quot;上门&quot;")
                .doesNotContain("A&B<区>");
        assertThat(html).contains("<td>分配</td><td class=\"number\">¥1,234.56</td><td class=\"number\">¥1,235.56</td>"
                + "<td class=\"number down\">-¥1.00</td>");
        // Headings name the unit the figures are shown in; an empty section says why.
        assertThat(html).contains("<h2>资金（元）</h2>", "<p class=\"note\">本期无转介</p>")
                .doesNotContain("资金（分）", "部分期间");
        assertThat(html).contains("计算于事件位置 41（事件库最新位置 42，尚有事件未计入）", "生成时间 2026-04-01 00:30:00");
        assertThat(html).contains("<td>办结率</td><td class=\"number\">—</td>");
        assertThat(html.split("<svg ", -1)).hasSize(4);
        // Bars are scaled to the largest value of the chart: 3 services fill the width, 2 take two thirds.
        assertThat(html).contains("width=\"560\" height=\"12\" fill=\"#99a3a4\"", "width=\"373\" height=\"12\"");
    }

    @Test
    void theCsvQuotesFieldsKeepsFenAndStartsWithAByteOrderMark() {
        String csv = EvaluationCsv.csv(report(), SHANGHAI);
        assertThat(csv).startsWith("\uFEFF评估报告,A&B<区>,2026-03,2026-03-01,2026-03-31,全期\r\n");
        assertThat(csv).contains("\r\n\r\n表格,services-by-project,服务次数（按项目）\r\n"
                + "代码,指标,A&B<区> 2026-03,A&B<区> 2026-02,差值\r\n"
                + "HOUSEKEEPING,\"家政, 保洁 \"\"上门\"\"\",2,3,-1\r\n");
        assertThat(csv).contains("\r\nallocated,分配,123456,123556,-100\r\n");
        assertThat(csv).contains("\r\n表格,funding,资金（分）\r\n");
        assertThat(csv).contains("\r\n表格,referrals,转介（期内转出；各环节以期末前完成为准）\r\n说明,本期无转介\r\n");
        assertThat(csv).contains("\r\nclosureRate,办结率,,,\r\n");
        assertThat(csv).contains("\r\nhours,志愿服务时长（小时）,1.50,1.50,0.00\r\n");
        assertThat(csv).contains("生成时间,2026-03-31T16:30:00Z,2026-04-01 00:30:00\r\n");
    }
}
