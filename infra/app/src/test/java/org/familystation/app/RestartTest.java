package org.familystation.app;

import org.familystation.app.support.Api;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.Scenario;
import org.familystation.app.support.StandaloneApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the application and starting it on the same data folder loses nothing, and it goes on working: a
 * convention signature deadline, kept in memory, is met after the restart.
 */
class RestartTest {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    @Test
    void keepsEverythingAcrossARestart() {
        String station;
        String member;
        String record;
        String owing;
        String referral;
        try (StandaloneApplication first = StandaloneApplication.start(dataDir)) {
            Api api = first.api();
            Scenario scenario = new Scenario(api);
            station = scenario.openStation("孝陵卫家庭驿站", "玄武区");
            member = scenario.admittedMember("PUBLIC_WELFARE", "李晓霞工作室");
            record = scenario.recordService(station, "EMOTIONAL", "PSYCHOLOGICAL_COUNSELLING", member,
                    "重启前记录的心理咨询服务", "2026-11-05T02:00:00Z", 5);
            Eventually.assertThat(() -> assertThat(api.get("auditor",
                    "/api/service-records/search?q=重启&stationId=" + station).body().path("total").asLong())
                    .isEqualTo(1));

            // A new convention version is due soon; the member that owes it is suspended only after the restart.
            owing = scenario.admittedMember("DOMESTIC_SERVICE", "乐斯家政");
            assertThat(api.post("hq", "/api/alliances/DOMESTIC_SERVICE/conventions", """
                    {"conventionVersion": "2026-restart", "gracePeriod": "PT15S", "summary": "重启测试"}""")
                    .status()).isEqualTo(201);
            JdbcTemplate jdbc = first.bean(JdbcTemplate.class);
            Eventually.assertThat(() -> assertThat(jdbc.queryForObject(
                    "SELECT count(*) FROM saga_entry WHERE saga_type LIKE '%ConventionSignatureSaga'", Long.class))
                    .isEqualTo(1));
            Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/alliance-members/" + owing).body()
                    .path("status").asText()).isEqualTo("ADMITTED"));

            Api.Response referred = api.post("worker", "/api/stations/" + station + "/referrals", """
                    {"centre": "RIGHTS_SERVICE_CENTRE", "category": "LEGAL_AID", "summary": "重启前转介的个案",
                     "consentGiven": true, "consentMethod": "WRITTEN"}""");
            assertThat(referred.status()).as(referred.toString()).isEqualTo(201);
            referral = referred.id();
        }
        try (StandaloneApplication second = StandaloneApplication.start(dataDir)) {
            Api api = second.api();
            assertThat(api.get("auditor", "/api/stations/" + station).status()).isEqualTo(200);
            assertThat(api.get("auditor", "/api/alliance-members/" + member).body().path("status").asText())
                    .isEqualTo("ADMITTED");
            assertThat(api.get("auditor", "/api/service-records/" + record).status()).isEqualTo(200);
            assertThat(api.get("auditor", "/api/service-records/search?q=重启&stationId=" + station)
                    .body().path("total").asLong()).isEqualTo(1);
            assertThat(api.get("auditor", "/api/history/service-records/" + record).body()).hasSize(1);

            String secondRecord = new Scenario(api).recordService(station, "EMOTIONAL", "LEGAL_AID", member,
                    "重启后记录的法律援助服务", "2026-11-06T02:00:00Z", 4);
            Eventually.assertThat(() -> assertThat(api.get("auditor",
                    "/api/service-records/search?q=重启&stationId=" + station).body().path("total").asLong())
                    .isEqualTo(2));
            assertThat(api.get("auditor", "/api/service-records/" + secondRecord).status()).isEqualTo(200);

            Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/alliance-members/" + owing).body()
                    .path("suspensionReason").asText()).isEqualTo("未在宽限期内签署新版联盟公约"));
            // The acceptance deadline set before the restart is still there: brought forward to now, it runs here.
            assertThat(second.bean(JdbcTemplate.class).update("UPDATE deadline_schedule SET execution_time = now()"
                    + " WHERE position(convert_to(?, 'UTF8') IN task_data) > 0", referral)).isEqualTo(1);
            Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/referrals/" + referral).body()
                    .path("flaggedOverdueAt").isTextual()).isTrue());
        }
    }
}
