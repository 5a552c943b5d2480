package org.familystation.query.needs;

import org.familystation.query.common.XlsxExports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.util.List;

/** The needs dashboard as .xlsx: its gap table, and needs by category and by month, from the same answer. */
@RestController
public class NeedsExports {

    private final NeedsDashboardController dashboard;
    private final XlsxExports exports;

    public NeedsExports(NeedsDashboardController dashboard, XlsxExports exports) {
        this.dashboard = dashboard;
        this.exports = exports;
    }

    @GetMapping("/api/dashboard/needs.xlsx")
    public ResponseEntity<byte[]> needs(@RequestParam(required = false) String district,
                                        @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
                                        @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
        NeedsDashboard answer = dashboard.needs(district, from, to);
        return exports.workbook(XlsxExports.fileName("需求缺口", district, from, to), xlsx -> {
            xlsx.sheet("需求缺口").heading(List.of("需求类别", "需求数", "服务次数", "服务人次", "缺口", "覆盖率"));
            for (NeedsDashboard.NeedGap gap : answer.gap()) {
                xlsx.row(gap.categoryName(), gap.needs(), gap.services(), gap.participants(), gap.shortfall(),
                        gap.coverage());
            }
            xlsx.sheet("按类别").heading(List.of("需求类别", "需求数", "调查数", "占比"));
            for (NeedsDashboard.CategoryNeeds category : answer.byCategory()) {
                xlsx.row(category.name(), category.needs(), category.surveys(), category.share());
            }
            xlsx.sheet("按月").heading(List.of("月份", "调查数", "受访人数", "需求数"));
            for (NeedsDashboard.MonthNeeds month : answer.byMonth()) {
                xlsx.row(month.month(), month.surveys(), month.respondents(), month.needs());
            }
        });
    }
}
