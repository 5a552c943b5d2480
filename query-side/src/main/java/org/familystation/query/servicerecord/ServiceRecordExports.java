package org.familystation.query.servicerecord;

import jakarta.servlet.http.HttpServletResponse;
import org.familystation.query.common.Paging;
import org.familystation.query.common.XlsxExports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** A station's service records as .xlsx: the list's filters and reach, every page. */
@RestController
public class ServiceRecordExports {

    static final List<String> HEADINGS = List.of("服务时间", "家庭驿站", "区", "驿站点", "服务项目", "服务提供方类型", "服务提供方",
            "服务人数", "服务内容", "服务成效", "满意度", "反馈", "登记时间", "更正次数", "已作废", "作废原因", "服务记录编号");

    private final ServiceRecordQueryController records;
    private final XlsxExports exports;

    public ServiceRecordExports(ServiceRecordQueryController records, XlsxExports exports) {
        this.records = records;
        this.exports = exports;
    }

    @GetMapping("/api/stations/{stationId}/service-records.xlsx")
    public void stationRecords(@PathVariable String stationId,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(defaultValue = "false") boolean includeVoided,
                               HttpServletResponse response) throws IOException {
        exports.list(response, XlsxExports.fileName("服务记录", from, to), "服务记录", HEADINGS,
                page -> records.stationRecords(stationId, from, to, includeVoided, page, Paging.MAX_SIZE),
                r -> Arrays.asList(r.deliveredAt(), r.stationName(), r.district(), r.stationPointLabel(),
                        r.projectName(), r.providerKind().label(), r.providerName(), r.participantCount(),
                        r.description(), r.outcome(), r.satisfaction(), r.feedback(), r.recordedAt(),
                        r.correctionCount(), r.voided() ? "是" : "否", r.voidReason(), r.serviceRecordId()));
    }
}
