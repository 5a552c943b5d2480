package org.familystation.query.referral;

import jakarta.servlet.http.HttpServletResponse;
import org.familystation.events.common.CityCentre;
import org.familystation.query.common.Paging;
import org.familystation.query.common.XlsxExports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Referrals as .xlsx: the inbox list (no free text, as the list: the case is personal data) and the referrals
 * dashboard's table, each from its JSON endpoint with the same filters and reach.
 */
@RestController
public class ReferralExports {

    static final List<String> LIST_HEADINGS = List.of("转介时间", "家庭驿站", "区", "受理中心", "转介类别", "状态",
            "应受理截止", "已超时", "受理时间", "不予受理时间", "开始办理时间", "办结时间", "结案时间", "撤回时间", "转介编号");
    static final List<String> DASHBOARD_HEADINGS = List.of("受理中心", "转介数", "已受理", "已办结", "已结案", "结案率",
            "未受理不足 1 天", "未受理 1–3 天", "未受理 3–7 天", "未受理 7 天以上", "已超时", "受理用时中位数（小时）",
            "办结用时中位数（小时）");

    private final ReferralQueryController referrals;
    private final ReferralDashboardController dashboard;
    private final XlsxExports exports;

    public ReferralExports(ReferralQueryController referrals, ReferralDashboardController dashboard,
                           XlsxExports exports) {
        this.referrals = referrals;
        this.dashboard = dashboard;
        this.exports = exports;
    }

    @GetMapping("/api/referrals.xlsx")
    public void referrals(@RequestParam(required = false) CityCentre centre,
                          @RequestParam(required = false) ReferralStatus status,
                          @RequestParam(required = false) String district,
                          @RequestParam(required = false) String stationId,
                          @RequestParam(required = false) Boolean overdue,
                          HttpServletResponse response) throws IOException {
        exports.list(response, XlsxExports.fileName("转介", centre == null ? null : centre.label(),
                        status == null ? null : status.label(), district), "转介", LIST_HEADINGS,
                page -> referrals.referrals(centre, status, district, stationId, overdue, page, Paging.MAX_SIZE),
                r -> Arrays.asList(r.referredAt(), r.stationName(), r.district(), r.centreLabel(), r.categoryName(),
                        r.statusLabel(), r.acceptanceDueBy(), r.overdue() ? "是" : "否", r.acceptedAt(),
                        r.declinedAt(), r.workStartedAt(), r.resolvedAt(), r.closedAt(), r.withdrawnAt(),
                        r.referralId()));
    }

    @GetMapping("/api/dashboard/referrals.xlsx")
    public ResponseEntity<byte[]> dashboard(
            @RequestParam(required = false) String district,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ReferralDashboard answer = dashboard.referrals(district, from, to);
        return exports.workbook(XlsxExports.fileName("转介驾驶舱", district, from, to), xlsx -> {
            xlsx.sheet("转介").heading(DASHBOARD_HEADINGS);
            for (ReferralDashboard.CentreFigures c : answer.centres()) {
                xlsx.row(c.label(), c.referred(), c.hoursToAccept().count(), c.hoursToResolve().count(), c.closed(),
                        c.closureRate(), c.open().underOneDay(), c.open().oneToThreeDays(),
                        c.open().threeToSevenDays(), c.open().sevenDaysOrMore(), c.overdue(),
                        c.hoursToAccept().median(), c.hoursToResolve().median());
            }
        });
    }
}
