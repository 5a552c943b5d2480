package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.familystation.command.common.RegistryRebuild;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Social workers, federation staff and volunteers over HTTP on the real servers. */
class PeopleFlowTest extends ApplicationTest {

    private static final String DISTRICT = "浦口区";

    @Autowired
    RegistryRebuild rebuild;

    private String recruit(String name) {
        return created(api.post("hq", "/api/social-workers", """
                {"name": "%s", "phone": "025-5888 1234", "qualification": "SOCIAL_WORKER", "headquartersId": "%s"}"""
                .formatted(name, scenario.headquarters())));
    }

    private Api.Response assign(String socialWorker, String station) {
        return api.post("hq", "/api/social-workers/" + socialWorker + "/assignment",
                "{\"stationId\": \"" + station + "\"}");
    }

    private static String newVolunteerNumber() {
        return "PK-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private String registerVolunteer(String name, String number, String homeUnitId) {
        return created(api.post("hq", "/api/volunteers", """
                {"name": "%s", "volunteerNumber": "%s", "homeUnitId": "%s"}""".formatted(name, number, homeUnitId)));
    }

    private Api.Response hours(String user, String volunteer, String serviceRecord, String minutes) {
        return api.post(user, "/api/volunteers/" + volunteer + "/hours",
                "{\"serviceRecordId\": \"" + serviceRecord + "\", \"minutes\": " + minutes + "}");
    }

    @Test
    void assignsSocialWorkersToOneStationAtATime() {
        String jiangpu = scenario.openStation("江浦家庭驿站", DISTRICT);
        String qiaolin = scenario.openStation("桥林家庭驿站", DISTRICT);
        String wang = recruit("王芳");
        String zhao = recruit("赵敏");
        noContent(assign(wang, jiangpu));
        noContent(assign(zhao, jiangpu));
        Eventually.assertThat(() -> assertThat(names(api.get("auditor", "/api/stations/" + jiangpu
                + "/social-workers").body())).containsExactly("王芳", "赵敏"));

        refused(409, "SOCIAL_WORKER_ALREADY_ASSIGNED", () -> assign(wang, qiaolin));
        noContent(api.post("hq", "/api/social-workers/" + wang + "/release", "{\"reason\": \"调往桥林驿站\"}"));
        noContent(assign(wang, qiaolin));
        Eventually.assertThat(() -> assertThat(names(api.get("auditor", "/api/stations/" + qiaolin
                + "/social-workers").body())).containsExactly("王芳"));
        assertThat(names(api.get("auditor", "/api/stations/" + jiangpu + "/social-workers").body()))
                .containsExactly("赵敏");
        JsonNode moved = api.get("auditor", "/api/social-workers/" + wang).body();
        assertThat(moved.path("stationName").asText()).isEqualTo("桥林家庭驿站");
        assertThat(moved.path("district").asText()).isEqualTo(DISTRICT);
        assertThat(moved.path("releaseReason").asText()).isEqualTo("调往桥林驿站");
        assertThat(moved.path("qualificationLabel").asText()).isEqualTo("社会工作师");
        assertThat(moved.path("headquartersName").asText()).isEqualTo("南京市妇女儿童活动中心");
        assertThat(api.get("auditor", "/api/social-workers?stationId=" + jiangpu).body().path("items")
                .findValuesAsText("socialWorkerId")).containsExactly(zhao);

        noContent(api.post("hq", "/api/stations/" + qiaolin + "/suspension", "{\"reason\": \"场地维修\"}"));
        // Suspending 桥林 released its social worker, as part of the suspension: by a saga, in its own time, so it is
        // awaited before the refusals below count the events.
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/history/social-workers/" + wang).body()
                .findValuesAsText("type")).containsExactly("SocialWorkerRecruited", "SocialWorkerAssigned",
                "SocialWorkerReleased", "SocialWorkerAssigned", "SocialWorkerReleased"));
        String li = recruit("李娜");
        refused(422, "STATION_NOT_OPEN", () -> assign(li, qiaolin));
        refused(409, "SOCIAL_WORKER_NOT_ASSIGNED", () -> api.post("hq",
                "/api/social-workers/" + li + "/release", "{\"reason\": \"无\"}"));
        String branch = scenario.branchCentre(DISTRICT);
        String headquarters = scenario.headquarters();
        refused(422, "NOT_HEADQUARTERS", () -> api.post("hq", "/api/social-workers", """
                {"name": "周婷", "headquartersId": "%s"}""".formatted(branch)));
        refused(403, "FORBIDDEN", () -> api.post("worker", "/api/social-workers", """
                {"name": "周婷", "headquartersId": "%s"}""".formatted(headquarters)));
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/social-workers/" + li).status())
                .isEqualTo(200));
        assertThat(api.get("auditor", "/api/social-workers/" + li).body().has("stationId")).isFalse();
        assertThat(api.get("auditor", "/api/social-workers/" + wang).body().path("releaseReason").asText())
                .isEqualTo("驿站暂停服务：场地维修");
    }

    @Test
    void registersFederationStaffAtTheirUnit() {
        String branch = scenario.branchCentre(DISTRICT);
        String staff = created(api.post("hq", "/api/federation-staff", """
                {"name": "孙丽", "phone": "13912345678", "unitId": "%s"}""".formatted(branch)));
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/federation-staff/" + staff).status())
                .isEqualTo(200));
        JsonNode member = api.get("auditor", "/api/federation-staff/" + staff).body();
        assertThat(member.path("unitName").asText()).isEqualTo(DISTRICT + "妇儿活动中心");
        assertThat(member.path("unitLevelLabel").asText()).isEqualTo("分支机构");
        assertThat(member.path("district").asText()).isEqualTo(DISTRICT);
        assertThat(api.get("auditor", "/api/federation-staff?unitId=" + branch + "&size=100").body().path("items")
                .findValuesAsText("staffId")).contains(staff);
        refused(404, "UNIT_UNKNOWN", () -> api.post("hq", "/api/federation-staff", """
                {"name": "孙丽", "unitId": "%s"}""".formatted(UUID.randomUUID())));
    }

    @Test
    void countsVolunteerHoursByPersonStationAndMonth() {
        // March and April 2024 in 浦口区 are this test's alone.
        String home = scenario.communityHome("顶山妇女儿童之家", DISTRICT, "STANDARD");
        String dingshan = scenario.openStation("顶山家庭驿站", DISTRICT);
        String xingdian = scenario.openStation("星甸家庭驿站", DISTRICT);
        String march = scenario.recordService(dingshan, "CONVENIENCE", "EMPTY_NEST_ELDERLY_CARE", 6,
                "2024-03-05T02:00:00Z", "探访空巢老人");
        String april = scenario.recordService(dingshan, "CONVENIENCE", "HOUSEKEEPING", 4, "2024-04-02T02:00:00Z",
                "为困难家庭上门保洁");
        String elsewhere = scenario.recordService(xingdian, "HAPPINESS", "CULTURE_SPORTS", 30,
                "2024-03-20T02:00:00Z", "广场舞比赛");
        String voided = scenario.recordService(xingdian, "HAPPINESS", "CULTURE_SPORTS", 30, "2024-03-21T02:00:00Z",
                "广场舞比赛");
        noContent(api.post("worker", "/api/service-records/" + voided + "/voiding", "{\"reason\": \"重复录入\"}"));

        String number = newVolunteerNumber();
        String chen = registerVolunteer("陈静", number, home);
        String liu = registerVolunteer("刘洋", newVolunteerNumber(), home);
        // Station workers record hours.
        noContent(hours("worker", chen, march, "90"));
        noContent(hours("worker", chen, april, "120"));
        noContent(hours("worker", chen, elsewhere, "60"));
        noContent(hours("worker", liu, march, "45"));

        refused(409, "HOURS_ALREADY_RECORDED", () -> hours("worker", chen, march, "30"));
        refused(409, "SERVICE_RECORD_VOIDED", () -> hours("worker", chen, voided, "30"));
        refused(404, "SERVICE_RECORD_UNKNOWN", () -> hours("worker", chen, UUID.randomUUID().toString(),
                "30"));
        Api.Response fraction = refused(400, "INVALID_FIELD", () -> hours("worker", liu, april, "1.5"));
        assertThat(fraction.body().path("field").asText()).isEqualTo("minutes");
        refused(400, "MINUTES_INVALID", () -> hours("worker", liu, april, "0"));
        refused(409, "VOLUNTEER_NUMBER_TAKEN", () -> api.post("hq", "/api/volunteers", """
                {"name": "陈静", "volunteerNumber": "%s"}""".formatted(number.toLowerCase())));
        refused(403, "FORBIDDEN", () -> api.post("worker", "/api/volunteers", """
                {"name": "王伟", "volunteerNumber": "%s"}""".formatted(newVolunteerNumber())));

        String months = "/api/dashboard/volunteer-hours?district=" + DISTRICT + "&from=2024-03&to=2024-04";
        Eventually.assertThat(() -> assertThat(api.get("auditor", months).body().path("minutes").asLong())
                .isEqualTo(315));
        JsonNode dashboard = api.get("auditor", months).body();
        assertThat(dashboard.path("hours").decimalValue()).isEqualByComparingTo("5.25");
        assertThat(dashboard.path("services").asLong()).isEqualTo(4);
        assertThat(dashboard.path("volunteers").asLong()).isEqualTo(2);
        JsonNode byVolunteer = dashboard.path("byVolunteer");
        assertThat(byVolunteer.findValuesAsText("volunteerId")).containsExactly(chen, liu);
        assertThat(byVolunteer.findValuesAsText("minutes")).containsExactly("270", "45");
        assertThat(byVolunteer.get(0).path("hours").decimalValue()).isEqualByComparingTo("4.50");
        assertThat(byVolunteer.get(0).path("volunteerNumber").asText()).isEqualTo(number);
        JsonNode byStation = dashboard.path("byStation");
        assertThat(byStation.findValuesAsText("stationId")).containsExactly(dingshan, xingdian);
        assertThat(byStation.findValuesAsText("minutes")).containsExactly("255", "60");
        assertThat(byStation.get(0).path("volunteers").asLong()).isEqualTo(2);
        JsonNode byMonth = dashboard.path("byMonth");
        assertThat(byMonth.findValuesAsText("month")).containsExactly("2024-03", "2024-04");
        assertThat(byMonth.findValuesAsText("minutes")).containsExactly("195", "120");
        assertThat(byMonth.get(0).path("volunteers").asLong()).isEqualTo(2);

        JsonNode atDingshanInApril = api.get("auditor", "/api/dashboard/volunteer-hours?stationId=" + dingshan
                + "&from=2024-04&to=2024-04").body();
        assertThat(atDingshanInApril.path("minutes").asLong()).isEqualTo(120);
        assertThat(atDingshanInApril.path("byVolunteer").findValuesAsText("name")).containsExactly("陈静");

        JsonNode volunteer = api.get("auditor", "/api/volunteers/" + chen).body();
        assertThat(volunteer.path("minutes").asLong()).isEqualTo(270);
        assertThat(volunteer.path("services").asInt()).isEqualTo(3);
        assertThat(volunteer.path("homeUnitName").asText()).isEqualTo("顶山妇女儿童之家");
        assertThat(api.get("auditor", "/api/volunteers/" + chen + "/hours?from=2024-04-01&to=2024-04-30").body()
                .path("items").findValuesAsText("serviceRecordId")).containsExactly(april);
        assertThat(api.get("auditor", "/api/volunteers?volunteerNumber=" + number.toLowerCase()).body()
                .path("items").findValuesAsText("volunteerId")).containsExactly(chen);
        assertThat(api.get("auditor", "/api/history/volunteers/" + liu).body().findValuesAsText("type"))
                .containsExactly("VolunteerRegistered", "VolunteerHoursRecorded");
    }

    @Test
    void servicesRecordedBeforeTheRegistryExistedAreWrittenByReplayingItsHandlers() {
        String station = scenario.openStation("汤泉家庭驿站", DISTRICT);
        String corrected = scenario.recordService(station, "CONVENIENCE", "HOUSEKEEPING", 3, "2026-11-02T02:00:00Z",
                "上门保洁");
        noContent(api.post("worker", "/api/service-records/" + corrected + "/corrections", """
                {"changes": {"projectCode": "DELIVERY", "deliveredAt": "2026-11-03T02:00:00Z"}, "reason": "项目录错"}"""));
        String voided = scenario.recordService(station, "CONVENIENCE", "HOUSEKEEPING", 3, "2026-11-02T02:00:00Z",
                "上门保洁");
        noContent(api.post("worker", "/api/service-records/" + voided + "/voiding", "{\"reason\": \"重复录入\"}"));
        List<String> mine = List.of(corrected, voided);
        List<Map<String, Object>> kept = registry(mine);

        // As if both had been recorded before the registry existed (never built): the start-up replay writes them.
        mine.forEach(id -> jdbc.update("DELETE FROM cmd_service_record WHERE service_record_id = ?", id));
        jdbc.update("DELETE FROM cmd_registry_version WHERE registry = 'JdbcServiceRecordRegistry'");
        assertThat(rebuild.rebuildOutdated()).containsExactly("JdbcServiceRecordRegistry");

        List<Map<String, Object>> copied = registry(mine);
        assertThat(copied).isEqualTo(kept);
        assertThat(copied.get(0)).containsEntry("project_code", "DELIVERY").containsEntry("project_name", "配送")
                .containsEntry("delivered_at", Timestamp.from(Instant.parse("2026-11-03T02:00:00Z")))
                .containsEntry("voided", false);
        assertThat(copied.get(1)).containsEntry("voided", true);

        String volunteer = registerVolunteer("吴芳", newVolunteerNumber(), scenario.branchCentre(DISTRICT));
        noContent(hours("worker", volunteer, corrected, "30"));
        JsonNode recorded = api.get("auditor", "/api/history/volunteers/" + volunteer).body().get(1).path("payload");
        assertThat(recorded.path("projectName").asText()).isEqualTo("配送");
        assertThat(recorded.path("stationName").asText()).isEqualTo("汤泉家庭驿站");
    }

    private List<Map<String, Object>> registry(List<String> ids) {
        List<Map<String, Object>> rows = new ArrayList<>();
        ids.forEach(id -> rows.add(jdbc.queryForMap("SELECT * FROM cmd_service_record WHERE service_record_id = ?",
                id)));
        return rows;
    }

    private static List<String> names(JsonNode socialWorkers) {
        return socialWorkers.findValuesAsText("name");
    }
}
