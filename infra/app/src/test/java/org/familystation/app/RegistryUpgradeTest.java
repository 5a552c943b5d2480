package org.familystation.app;

import org.familystation.app.support.Api;
import org.familystation.app.support.Scenario;
import org.familystation.app.support.StandaloneApplication;
import org.familystation.command.common.EditedMigrations;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data folder of an installation from before the registries were rebuilt by replay (docs/design/registry-rebuild.md)
 * starts: the migrations it ran still validate though their copies of events were cut, and every registry is
 * rebuilt by its handlers, writing also what those copies would have written.
 */
class RegistryUpgradeTest {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    @Test
    void anInstallationFromBeforeRegistryVersionsStartsWithItsRegistriesRebuilt() {
        String station;
        String member;
        List<String> records;
        Map<String, List<Map<String, Object>>> live;
        try (StandaloneApplication before = StandaloneApplication.startOnSharedSearch(dataDir)) {
            Api api = before.api();
            Scenario scenario = new Scenario(api);
            station = scenario.openStation("升级家庭驿站", "溧水区");
            assertThat(api.post("hq", "/api/stations/" + station + "/suspension",
                    "{\"reason\": \"场地改造\", \"effectiveAt\": \"2017-01-01T00:00:00+08:00\"}").status()).isEqualTo(204);
            assertThat(api.post("hq", "/api/stations/" + station + "/reopening",
                    "{\"reason\": \"改造完成\", \"effectiveAt\": \"2017-04-01T00:00:00+08:00\"}").status()).isEqualTo(204);
            member = scenario.admittedMember("PUBLIC_WELFARE", "升级公益工作室");
            records = List.of(scenario.recordService(station, "EMOTIONAL", "PSYCHOLOGICAL_COUNSELLING", member,
                    "升级前的心理咨询", "2026-11-05T02:00:00Z", 5));
            JdbcTemplate jdbc = before.bean(JdbcTemplate.class);
            live = RegistryRebuildTest.rows(jdbc, station, member, records);

            // The schema as an installation had it before: the edited migrations as they were applied, no registry
            // versions, and what the removed copies wrote missing (as on a data folder older than their columns).
            EditedMigrations.EDITS.forEach(edit -> jdbc.update(
                    "UPDATE flyway_schema_history SET checksum = ? WHERE version = ?", edit.before(), edit.version()));
            jdbc.update("DELETE FROM flyway_schema_history WHERE version = '2026.12.03.9710'");
            jdbc.execute("DROP TABLE cmd_registry_version");
            jdbc.update("DELETE FROM cmd_station_change WHERE station_id = ?", station);
            jdbc.update("UPDATE cmd_alliance_member SET admitted_at = NULL WHERE member_id = ?", member);
            jdbc.update("DELETE FROM cmd_service_record WHERE service_record_id = ?", records.get(0));
        }
        try (StandaloneApplication after = StandaloneApplication.startOnSharedSearch(dataDir)) {
            JdbcTemplate jdbc = after.bean(JdbcTemplate.class);
            assertThat(RegistryRebuildTest.rows(jdbc, station, member, records)).isEqualTo(live);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM cmd_registry_version WHERE version = 1", Long.class))
                    .isEqualTo((long) RegistryRebuildTest.REGISTRIES.size());
            assertThat(after.bean(Flyway.class).validateWithResult().validationSuccessful).isTrue();

            Api api = after.api();
            String home = (String) live.get("cmd_station").get(0).get("community_home_id");
            Api.Response again = api.post("hq", "/api/stations", """
                    {"communityHomeId": "%s", "stationName": "升级第二家庭驿站"}""".formatted(home));
            assertThat(again.status()).as(again.toString()).isEqualTo(409);
            assertThat(again.body().path("code").asText()).isEqualTo("STATION_ALREADY_OPEN_AT_HOME");
        }
    }
}
