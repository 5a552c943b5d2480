package org.familystation.query.alliance;

import jakarta.servlet.http.HttpServletResponse;
import org.familystation.events.common.Alliance;
import org.familystation.query.common.Paging;
import org.familystation.query.common.XlsxExports;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The alliance members as .xlsx: the list's filters, every page. Contact persons and phones are left out: a list
 * that leaves the system needs the organisations, not the people (DOMAIN.md §9).
 */
@RestController
public class AllianceMemberExports {

    static final List<String> HEADINGS = List.of("成员单位", "品牌联盟", "组织类型", "统一社会信用代码", "状态", "申请时间",
            "审核时间", "签署公约版本", "签署时间", "入盟时间", "暂停时间", "除名时间", "退出时间", "成员编号");

    private final AllianceMemberQueryController members;
    private final XlsxExports exports;

    public AllianceMemberExports(AllianceMemberQueryController members, XlsxExports exports) {
        this.members = members;
        this.exports = exports;
    }

    @GetMapping("/api/alliance-members.xlsx")
    public void members(@RequestParam(required = false) Alliance alliance,
                        @RequestParam(required = false) MembershipStatus status,
                        HttpServletResponse response) throws IOException {
        exports.list(response, XlsxExports.fileName("联盟成员", alliance == null ? null : alliance.label(),
                        status == null ? null : status.label()), "联盟成员", HEADINGS,
                page -> members.members(alliance, status, page, Paging.MAX_SIZE),
                m -> Arrays.asList(m.organisationName(), m.allianceLabel(),
                        m.organisationType() == null ? null : m.organisationType().label(), m.creditCode(),
                        MembershipStatus.labelOf(m.status()), m.appliedAt(), m.reviewedAt(), m.conventionVersion(),
                        m.conventionSignedAt(), m.admittedAt(), m.suspendedAt(), m.expelledAt(), m.withdrawnAt(),
                        m.memberId()));
    }
}
