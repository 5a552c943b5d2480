package org.familystation.query.dashboard;

import org.familystation.platform.spreadsheet.XlsxWriter;
import org.familystation.query.common.XlsxExports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.util.List;

/** The services dashboard as .xlsx: each of its tables on a sheet, from the same answer. */
@RestController
public class DashboardExports {

    private static final List<String> SERVICE_HEADINGS = List.of("服务次数", "服务人次", "平均满意度");

    private final DashboardQueryController summary;
    private final XlsxExports exports;

    public DashboardExports(DashboardQueryController summary, XlsxExports exports) {
        this.summary = summary;
        this.exports = exports;
    }

    @GetMapping("/api/dashboard/summary.xlsx")
    public ResponseEntity<byte[]> summary(@RequestParam(required = false) String district,
                                          @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
                                          @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
        DashboardSummary answer = summary.summary(district, from, to);
        DashboardSummary.Services services = answer.services();
        return exports.workbook(XlsxExports.fileName("服务驾驶舱", district, from, to), xlsx -> {
            counts(xlsx, "按服务项目", "服务项目", services.byProject());
            counts(xlsx, "按驿站点", "驿站点", services.byStationPoint());
            counts(xlsx, "按区", "区", services.byDistrict());
            counts(xlsx, "按月", "月份", services.byMonth());
            xlsx.sheet("驿站").heading(List.of("区", "家庭驿站数", "其中省级示范"));
            for (DashboardSummary.DistrictCount count : answer.stations().byDistrict()) {
                xlsx.row(count.district(), count.stations(), count.provincialDemonstration());
            }
        });
    }

    private static void counts(XlsxWriter xlsx, String sheet, String what,
                               List<DashboardSummary.ServiceCount> counts) {
        xlsx.sheet(sheet).heading(java.util.stream.Stream.concat(java.util.stream.Stream.of(what),
                SERVICE_HEADINGS.stream()).toList());
        for (DashboardSummary.ServiceCount count : counts) {
            xlsx.row(count.label() == null || count.label().isBlank() ? count.key() : count.label(), count.services(),
                    count.participants(), count.averageSatisfaction());
        }
    }
}
