package org.familystation.app;

import org.familystation.app.support.Api;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping the application and starting it on the same data folder loses nothing, and it goes on working. */
class RestartTest {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(FamilyStationApplication.class).run(
                "--server.port=0",
                "--familystation.data-dir=" + dataDir,
                "--familystation.embedded.postgres.durable=false",
                "--familystation.embedded.elasticsearch.heap=256m",
                "--familystation.security.demo-accounts=true",
                "--familystation.deadlines.polling-interval=1s");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void keepsEverythingAcrossARestart() {
        String station;
        String member;
        String record;
        String referral;
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            Scenario scenario = new Scenario(api);
            station = scenario.openStation("孝陵卫家庭驿站", "玄武区");
            member = scenario.admittedMember("PUBLIC_WELFARE", "李晓霞工作室");
            record = scenario.recordService(station, "EMOTIONAL", "PSYCHOLOGICAL_COUNSELLING", member,
                    "重启前记录的心理咨询服务", "2026-11-05T02:00:00Z", 5);
            Eventually.assertThat(() -> assertThat(api.get("auditor",
                    "/api/service-records/search?q=重启&stationId=" + station).body().path("total").asLong())
                    .isEqualTo(1));
            Api.Response referred = api.post("worker", "/api/stations/" + station + "/referrals", """
                    {"centre": "RIGHTS_SERVICE_CENTRE", "category": "LEGAL_AID", "summary": "重启前转介的个案",
                     "consentGiven": true, "consentMethod": "WRITTEN"}""");
            assertThat(referred.status()).as(referred.toString()).isEqualTo(201);
            referral = referred.id();
        }
        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
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

            // The acceptance deadline set before the restart is still there: brought forward to now, it runs here.
            assertThat(second.getBean(JdbcTemplate.class).update("UPDATE deadline_schedule SET execution_time = now()"
                    + " WHERE position(convert_to(?, 'UTF8') IN task_data) > 0", referral)).isEqualTo(1);
            Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/referrals/" + referral).body()
                    .path("flaggedOverdueAt").isTextual()).isTrue());
        }
    }
}
