package org.familystation.query.people;

import jakarta.servlet.http.HttpServletResponse;
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
 * People as .xlsx: the volunteer-hours dashboard and the lists of social workers, federation staff and volunteers,
 * each from its JSON endpoint with the same filters and reach. Phones are left out: a list that leaves the system
 * needs who and where, not how to call them (DOMAIN.md §9).
 */
@RestController
public class PeopleExports {

    private final VolunteerHoursDashboardController hours;
    private final VolunteerQueryController volunteers;
    private final SocialWorkerQueryController socialWorkers;
    private final FederationStaffQueryController staff;
    private final XlsxExports exports;

    public PeopleExports(VolunteerHoursDashboardController hours, VolunteerQueryController volunteers,
                         SocialWorkerQueryController socialWorkers, FederationStaffQueryController staff,
                         XlsxExports exports) {
        this.hours = hours;
        this.volunteers = volunteers;
        this.socialWorkers = socialWorkers;
        this.staff = staff;
        this.exports = exports;
    }

    @GetMapping("/api/dashboard/volunteer-hours.xlsx")
    public ResponseEntity<byte[]> volunteerHours(
            @RequestParam(required = false) String district,
            @RequestParam(required = false) String stationId,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
        VolunteerHoursDashboard answer = hours.volunteerHours(district, stationId, from, to);
        return exports.workbook(XlsxExports.fileName("志愿时长", district, from, to), xlsx -> {
            xlsx.sheet("按驿站").heading(List.of("家庭驿站", "区", "时长（小时）", "服务次数", "志愿者人数"));
            for (VolunteerHoursDashboard.ByStation row : answer.byStation()) {
                xlsx.row(row.stationName(), row.district(), row.hours(), row.services(), row.volunteers());
            }
            xlsx.sheet("按月").heading(List.of("月份", "时长（小时）", "服务次数", "志愿者人数"));
            for (VolunteerHoursDashboard.ByMonth row : answer.byMonth()) {
                xlsx.row(row.month(), row.hours(), row.services(), row.volunteers());
            }
            xlsx.sheet("按志愿者").heading(List.of("志愿者", "志愿者编号", "时长（小时）", "服务次数"));
            for (VolunteerHoursDashboard.ByVolunteer row : answer.byVolunteer()) {
                xlsx.row(row.name(), row.volunteerNumber(), row.hours(), row.services());
            }
        });
    }

    @GetMapping("/api/volunteers.xlsx")
    public void volunteers(@RequestParam(required = false) String district,
                           @RequestParam(required = false) String homeUnitId,
                           @RequestParam(required = false) String volunteerNumber,
                           @RequestParam(required = false) String name,
                           HttpServletResponse response) throws IOException {
        exports.list(response, XlsxExports.fileName("巾帼志愿者", district), "巾帼志愿者",
                List.of("姓名", "志愿者编号", "所属妇女儿童之家", "区", "登记时间", "时长（小时）", "服务次数", "志愿者 ID"),
                page -> volunteers.volunteers(district, homeUnitId, volunteerNumber, name, page, Paging.MAX_SIZE),
                v -> Arrays.asList(v.name(), v.volunteerNumber(), v.homeUnitName(), v.district(), v.registeredAt(),
                        v.hours(), v.services(), v.volunteerId()));
    }

    @GetMapping("/api/social-workers.xlsx")
    public void socialWorkers(@RequestParam(required = false) String stationId,
                              @RequestParam(required = false) String district,
                              @RequestParam(required = false) Boolean assigned,
                              HttpServletResponse response) throws IOException {
        exports.list(response, XlsxExports.fileName("社工", district), "社工",
                List.of("姓名", "资质", "运营总部", "招募时间", "服务的家庭驿站", "区", "派驻时间", "撤回时间", "撤回原因", "服务次数", "社工编号"),
                page -> socialWorkers.socialWorkers(stationId, district, assigned, page, Paging.MAX_SIZE),
                s -> Arrays.asList(s.name(), s.qualificationLabel(), s.headquartersName(), s.recruitedAt(),
                        s.stationName(), s.district(), s.assignedAt(), s.releasedAt(), s.releaseReason(),
                        s.services(), s.socialWorkerId()));
    }

    @GetMapping("/api/federation-staff.xlsx")
    public void staff(@RequestParam(required = false) String unitId,
                      @RequestParam(required = false) String district,
                      HttpServletResponse response) throws IOException {
        exports.list(response, XlsxExports.fileName("妇工", district), "妇工",
                List.of("姓名", "所在单位", "单位层级", "区", "登记时间", "服务次数", "妇工编号"),
                page -> staff.staff(unitId, district, page, Paging.MAX_SIZE),
                s -> Arrays.asList(s.name(), s.unitName(), s.unitLevelLabel(), s.district(), s.registeredAt(),
                        s.services(), s.staffId()));
    }
}
