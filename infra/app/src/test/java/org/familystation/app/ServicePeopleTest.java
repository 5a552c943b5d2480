package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service names the registered people who delivered it, over HTTP on the real servers: each must be registered and
 * serve at the station; services per social worker and volunteer time per service follow from the records, and
 * correcting or voiding a service changes every total.
 */
class ServicePeopleTest extends ApplicationTest {

    private String station;
    private String home;
    private String socialWorker;
    private String staff;
    private String chen;
    private String lin;

    @BeforeEach
    void setUp() {
        String name = "人员测试" + System.nanoTime() % 1_000_000;
        home = scenario.communityHome(name + "社区妇女儿童之家", "建邺区", "PROVINCIAL_DEMONSTRATION");
        station = created(api.post("hq", "/api/stations", """
                {"communityHomeId": "%s", "stationName": "%s家庭驿站", "openedAt": "%s"}"""
                .formatted(home, name, Scenario.OPENED_AT)));
        socialWorker = scenario.socialWorkerAt(station);
        staff = created(api.post("hq", "/api/federation-staff", """
                {"name": "周妇工", "unitId": "%s"}""".formatted(home)));
        chen = volunteer("陈志愿");
        lin = volunteer("林志愿");
    }

    private String volunteer(String name) {
        return created(api.post("hq", "/api/volunteers", """
                {"name": "%s", "volunteerNumber": "PT-%d"}""".formatted(name, System.nanoTime() % 1_000_000_000L)));
    }

    private static String service(String kind, String people) {
        String deliveredAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        return """
                {"stationPoint": "EMOTIONAL", "projectCode": "PSYCHOLOGICAL_COUNSELLING", "providerKind": "%s", %s
                 "deliveredAt": "%s", "participantCount": 6, "description": "人员测试心理疏导"}"""
                .formatted(kind, people.isEmpty() ? "" : people + ",", deliveredAt);
    }

    private Api.Response record(String body) {
        return api.post("worker", "/api/stations/" + station + "/service-records", body);
    }

    private void refusedField(int status, String code, String field, String body) {
        Api.Response response = refused(status, code, () -> record(body));
        assertThat(response.body().path("field").asText()).as(response.toString()).isEqualTo(field);
        assertThat(response.body().path("detailEn").asText()).isNotBlank();
    }

    @Test
    void everyPersonNamedMustBeRegisteredAndServeAtTheStation() {
        String name = "人员别处" + System.nanoTime() % 1_000_000;
        String elsewhere = scenario.openStation(name + "家庭驿站", "鼓楼区");
        String workerElsewhere = scenario.socialWorkerAt(elsewhere);
        String otherHome = scenario.communityHome(name + "二社区妇女儿童之家", "鼓楼区", "STANDARD");
        String staffElsewhere = created(api.post("hq", "/api/federation-staff", """
                {"name": "吴妇工", "unitId": "%s"}""".formatted(otherHome)));

        refusedField(400, "PROVIDER_PEOPLE_REQUIRED", "socialWorkerIds", service("SOCIAL_WORKER", ""));
        refusedField(400, "PROVIDER_PEOPLE_REQUIRED", "staffIds", service("FEDERATION_STAFF", "\"staffIds\": []"));
        refusedField(400, "PROVIDER_PEOPLE_REQUIRED", "volunteers", service("VOLUNTEERS", ""));
        refusedField(422, "SOCIAL_WORKER_UNKNOWN", "socialWorkerIds",
                service("SOCIAL_WORKER", "\"socialWorkerIds\": [\"no-such-worker\"]"));
        refusedField(422, "SOCIAL_WORKER_NOT_AT_STATION", "socialWorkerIds",
                service("SOCIAL_WORKER", "\"socialWorkerIds\": [\"" + workerElsewhere + "\"]"));
        refusedField(422, "STAFF_UNKNOWN", "staffIds", service("FEDERATION_STAFF", "\"staffIds\": [\"nobody\"]"));
        refusedField(422, "STAFF_NOT_AT_STATION", "staffIds",
                service("FEDERATION_STAFF", "\"staffIds\": [\"" + staffElsewhere + "\"]"));
        refusedField(422, "VOLUNTEER_UNKNOWN", "volunteers",
                service("VOLUNTEERS", "\"volunteers\": [{\"volunteerId\": \"nobody\", \"minutes\": 60}]"));
        refusedField(400, "VOLUNTEER_MINUTES_INVALID", "volunteers",
                service("VOLUNTEERS", "\"volunteers\": [{\"volunteerId\": \"" + chen + "\", \"minutes\": 0}]"));
        refusedField(400, "PROVIDER_PEOPLE_INVALID", "socialWorkerIds", service("SOCIAL_WORKER",
                "\"socialWorkerIds\": [\"" + socialWorker + "\", \"" + socialWorker + "\"]"));
    }

    @Test
    void servicesPerPersonAndVolunteerTimeFollowTheRecordThroughCorrectionAndVoiding() {
        String service = created(record(service("SOCIAL_WORKER", """
                "socialWorkerIds": ["%s"], "staffIds": ["%s"],
                "volunteers": [{"volunteerId": "%s", "minutes": 90}, {"volunteerId": "%s", "minutes": 30}]"""
                .formatted(socialWorker, staff, chen, lin))));

        Eventually.assertThat(() -> {
            JsonNode people = api.get("auditor", "/api/service-records/" + service + "/people").body();
            assertThat(people.path("socialWorkers").findValuesAsText("name")).containsExactly("王社工");
            assertThat(people.path("staff").findValuesAsText("name")).containsExactly("周妇工");
            assertThat(people.path("volunteers").findValuesAsText("name")).containsExactly("陈志愿", "林志愿");
            assertThat(people.path("volunteerMinutes").asLong()).isEqualTo(120);
            assertThat(people.path("volunteerHours").decimalValue()).isEqualByComparingTo("2");
            assertThat(services("/api/social-workers/" + socialWorker)).isEqualTo(1);
            assertThat(services("/api/federation-staff/" + staff)).isEqualTo(1);
            assertThat(minutes(chen)).isEqualTo(90);
            assertThat(minutes(lin)).isEqualTo(30);
            assertThat(stationMinutes()).isEqualTo(120);
        });
        // The record's own read model is another projection: it may be a moment behind the people's.
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/service-records/" + service).body()
                .path("providerName").asText()).isEqualTo("社工"));

        // A correction replaces the volunteers and their time; hours recorded afterwards count beside them.
        assertThat(api.post("worker", "/api/service-records/" + service + "/corrections", """
                {"changes": {"volunteers": [{"volunteerId": "%s", "minutes": 60}]}, "reason": "林志愿当天未到"}"""
                .formatted(chen)).status()).isEqualTo(204);
        assertThat(api.post("worker", "/api/volunteers/" + lin + "/hours", """
                {"serviceRecordId": "%s", "minutes": 45}""".formatted(service)).status()).isEqualTo(204);
        Eventually.assertThat(() -> {
            assertThat(minutes(chen)).isEqualTo(60);
            assertThat(minutes(lin)).isEqualTo(45);
            assertThat(stationMinutes()).isEqualTo(105);
            assertThat(api.get("auditor", "/api/service-records/" + service + "/people").body()
                    .path("volunteers").findValuesAsText("source")).containsExactlyInAnyOrder("SERVICE", "HOURS");
        });

        // Voiding takes the service out of every total: its volunteers' time however recorded, its people's count.
        assertThat(api.post("worker", "/api/service-records/" + service + "/voiding", "{\"reason\": \"重复录入\"}")
                .status()).isEqualTo(204);
        Eventually.assertThat(() -> {
            assertThat(minutes(chen)).isZero();
            assertThat(minutes(lin)).isZero();
            assertThat(stationMinutes()).isZero();
            assertThat(services("/api/social-workers/" + socialWorker)).isZero();
            assertThat(services("/api/federation-staff/" + staff)).isZero();
            JsonNode people = api.get("auditor", "/api/service-records/" + service + "/people").body();
            assertThat(people.path("voided").asBoolean()).isTrue();
            assertThat(people.path("volunteerMinutes").asLong()).isZero();
            assertThat(api.get("auditor", "/api/volunteers/" + chen + "/hours").body().path("total").asLong())
                    .isZero();
        });
    }

    private long services(String path) {
        return api.get("auditor", path).body().path("services").asLong(-1);
    }

    private long minutes(String volunteer) {
        return api.get("auditor", "/api/volunteers/" + volunteer).body().path("minutes").asLong(-1);
    }

    private long stationMinutes() {
        return api.get("auditor", "/api/dashboard/volunteer-hours?stationId=" + station).body().path("minutes")
                .asLong(-1);
    }
}
