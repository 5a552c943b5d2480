package org.familystation.app;

import org.familystation.app.support.Api;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.Scenario;
import org.familystation.app.support.StandaloneApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping the application and starting it on the same data folder loses nothing, and it goes on working. */
class RestartTest {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    @Test
    void keepsEverythingAcrossARestart() {
        String station;
        String member;
        String record;
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
        }
    }
}
