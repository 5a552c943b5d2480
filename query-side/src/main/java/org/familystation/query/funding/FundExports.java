package org.familystation.query.funding;

import jakarta.servlet.http.HttpServletResponse;
import org.familystation.events.common.FundingSource;
import org.familystation.platform.spreadsheet.XlsxWriter.Money;
import org.familystation.query.common.Paging;
import org.familystation.query.common.XlsxExports;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** The funds as .xlsx (amounts in yuan, as numbers): the list's filter, every page. */
@RestController
public class FundExports {

    static final List<String> HEADINGS = List.of("到账日期", "经费来源", "资助方", "说明", "到账（元）", "已拨付（元）", "已支出（元）",
            "未拨付（元）", "登记时间", "经费编号");

    private final FundQueryController funds;
    private final XlsxExports exports;

    public FundExports(FundQueryController funds, XlsxExports exports) {
        this.funds = funds;
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
}
