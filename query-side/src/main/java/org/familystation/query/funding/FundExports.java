package org.familystation.query.funding;

import jakarta.servlet.http.HttpServletResponse;
import org.familystation.events.common.FundingSource;
import org.familystation.platform.spreadsheet.XlsxWriter.Money;
import org.familystation.query.common.Paging;
import org.familystation.query.common.XlsxExports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

/**
 * The funds as .xlsx (amounts in yuan, as numbers): the list's filter, every page; and the funding dashboard, each of
 * its tables on a sheet, from the same answer.
 */
@RestController
public class FundExports {

    static final List<String> HEADINGS = List.of("到账日期", "经费来源", "资助方", "说明", "到账（元）", "已拨付（元）", "已支出（元）",
            "未拨付（元）", "登记时间", "经费编号");

    private final FundQueryController funds;
    private final FundingMixQueryController funding;
    private final XlsxExports exports;

    public FundExports(FundQueryController funds, FundingMixQueryController funding, XlsxExports exports) {
        this.funds = funds;
        this.funding = funding;
        this.exports = exports;
    }

    @GetMapping("/api/funds.xlsx")
    public void funds(@RequestParam(required = false) FundingSource source, HttpServletResponse response)
            throws IOException {
        exports.list(response, XlsxExports.fileName("资金", source == null ? null : source.label()), "资金", HEADINGS,
                page -> funds.funds(source, page, Paging.MAX_SIZE),
                f -> Arrays.asList(f.receivedAt(), f.sourceLabel(), f.donor(), f.note(), new Money(f.receivedFen()),
                        new Money(f.allocatedFen()), new Money(f.spentFen()), new Money(f.unallocatedFen()),
                        f.recordedAt(), f.fundId()));
    }

    @GetMapping("/api/dashboard/funding.xlsx")
    public ResponseEntity<byte[]> funding(@RequestParam(required = false) String district,
                                          @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
                                          @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
        FundingMix answer = funding.funding(district, from, to);
        return exports.workbook(XlsxExports.fileName("经费驾驶舱", district, from, to), xlsx -> {
            xlsx.sheet("按来源").heading(List.of("经费来源", "到账（元）", "已拨付（元）", "已支出（元）"));
            for (FundingMix.SourceShare source : answer.bySource()) {
                xlsx.row(source.label(), source.receivedFen() == null ? null : new Money(source.receivedFen()),
                        new Money(source.allocatedFen()), new Money(source.spentFen()));
            }
            xlsx.sheet("按区").heading(List.of("区", "已拨付（元）", "已支出（元）"));
            for (FundingMix.DistrictFunding row : answer.byDistrict()) {
                xlsx.row(row.district(), new Money(row.allocatedFen()), new Money(row.spentFen()));
            }
        });
    }
}
