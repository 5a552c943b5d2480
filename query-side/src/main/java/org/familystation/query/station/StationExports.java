package org.familystation.query.station;

import jakarta.servlet.http.HttpServletResponse;
import org.familystation.events.common.HomeTier;
import org.familystation.events.common.StationPoint;
import org.familystation.query.common.Paging;
import org.familystation.query.common.XlsxExports;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The stations list as .xlsx: the list's filters and reach, every page. */
@RestController
public class StationExports {

    static final List<String> HEADINGS = List.of("家庭驿站", "妇女儿童之家", "区", "等级", "状态", "开放的驿站点", "开放日期",
            "状态变更时间", "状态变更原因", "驿站编号");

    private final StationQueryController stations;
    private final XlsxExports exports;

    public StationExports(StationQueryController stations, XlsxExports exports) {
        this.stations = stations;
        this.exports = exports;
    }

    @GetMapping("/api/stations.xlsx")
    public void stations(@RequestParam(required = false) String district,
                         @RequestParam(required = false) HomeTier tier,
                         @RequestParam(required = false) StationStatus status,
                         @RequestParam(required = false) String name,
                         HttpServletResponse response) throws IOException {
        exports.list(response, XlsxExports.fileName("家庭驿站", district, tier == null ? null : tier.label(),
                        status == null ? null : status.label()), "家庭驿站", HEADINGS,
                page -> stations.stations(district, tier, status, name, page, Paging.MAX_SIZE),
                s -> Arrays.asList(s.stationName(), s.communityHomeName(), s.district(), s.homeTierLabel(),
                        StationStatus.labelOf(s.status()),
                        s.activePoints() == null ? null
                                : s.activePoints().stream().map(StationPoint::label).collect(Collectors.joining("、")),
                        s.openedAt(), s.statusChangedAt(), s.statusReason(), s.stationId()));
    }
}
