package org.familystation.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.familystation.app.support.Api;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.Scenario;
import org.familystation.app.support.StandaloneApplication;
import org.familystation.query.common.ProcessingGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data folder from before processor families (docs/design/processor-families.md) starts: its tokens are stored
 * per processing group, each at its own position. The family starts at the lowest of its groups' tokens, so a group
 * that was behind gets the events it missed, and those that were ahead get again events they had applied, which
 * changes nothing: every read-model table is as it was live, row for row (counters included). The old tokens are
 * gone, the admin lists the families only, and a rebuild of an old processor under way is ended.
 */
class ProcessorFamilyUpgradeTest {

    private static final String GAP_AWARE = "org.axonframework.eventhandling.GapAwareTrackingToken";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    @Test
    void anInstallationWithATokenPerProcessingGroupStartsItsFamiliesAtTheLowestAndLosesNothing() {
        Map<String, List<String>> live;
        List<String> lateStaff = new ArrayList<>();
        try (StandaloneApplication before = StandaloneApplication.startOnSharedSearch(dataDir)) {
            Api api = before.api();
            Scenario scenario = new Scenario(api);
            String station = scenario.openStation("升级族家庭驿站", "建邺区");
            String unit = scenario.branchCentre("建邺区");
            String member = scenario.admittedMember("PUBLIC_WELFARE", "升级族公益工作室");
            scenario.recordService(station, "EMOTIONAL", "PSYCHOLOGICAL_COUNSELLING", member, "升级前的心理咨询",
                    "2026-11-05T02:00:00Z", 5);
            JdbcTemplate jdbc = before.bean(JdbcTemplate.class);
            long behind = head(jdbc);
            // After the position the people group will stand at: staff it has not applied, and services that every
            // other group has applied (counted once already).
            for (String name : List.of("升级甲", "升级乙")) {
                Api.Response registered = api.post("hq", "/api/federation-staff", """
                        {"name": "%s", "unitId": "%s"}""".formatted(name, unit));
                assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
                lateStaff.add(registered.id());
            }
            scenario.recordService(station, "EMOTIONAL", "PSYCHOLOGICAL_COUNSELLING", member, "升级前的第二次咨询",
                    "2026-11-06T02:00:00Z", 4);
            awaitCaughtUp(api);
            live = ReplayTest.snapshot(jdbc);
            assertThat(live.get("rm_federation_staff")).anyMatch(row -> row.contains(lateStaff.get(0)));

            // The token store as an installation had it before: a processor per processing group. Each group of a
            // family at the family's position, except people, which stands before the late staff and lacks them.
            before.bean(EventProcessingConfiguration.class).eventProcessors().values()
                    .forEach(EventProcessor::shutDown);
            for (String family : List.of(ProcessingGroups.READ_MODELS, ProcessingGroups.SEARCH)) {
                for (String group : ProcessingGroups.groupsOf(family)) {
                    jdbc.update("INSERT INTO token_entry (processor_name, segment, token, token_type, timestamp)"
                            + " SELECT ?, segment, token, token_type, timestamp FROM token_entry"
                            + " WHERE processor_name = ?", group, family);
                }
                jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", family);
            }
            jdbc.update("UPDATE token_entry SET token = ?, token_type = ? WHERE processor_name = ?",
                    ("{\"index\":" + behind + ",\"gaps\":[]}").getBytes(StandardCharsets.UTF_8), GAP_AWARE,
                    ProcessingGroups.PEOPLE);
            jdbc.update("DELETE FROM rm_federation_staff WHERE staff_id = ANY(?)",
                    (Object) lateStaff.toArray(String[]::new));
            // A rebuild of an old processor that was replaying when the node stopped.
            jdbc.update("INSERT INTO admin_rebuild (rebuild_id, processor_name, state, requested_by, requested_at)"
                    + " VALUES ('rebuild-before-the-upgrade', 'stations', 'REPLAYING', 'admin', now())");
        }

        try (StandaloneApplication after = StandaloneApplication.startOnSharedSearch(dataDir)) {
            Api api = after.api();
            JdbcTemplate jdbc = after.bean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT DISTINCT processor_name FROM token_entry", String.class))
                    .doesNotContainAnyElementsOf(List.of(ProcessingGroups.PEOPLE, ProcessingGroups.STATIONS,
                            ProcessingGroups.SERVICE_RECORDS, ProcessingGroups.SERVICE_RECORD_SEARCH,
                            ProcessingGroups.NEEDS_SURVEY_SEARCH));
            awaitCaughtUp(api);
            assertThat(ReplayTest.snapshot(jdbc)).isEqualTo(live);

            List<String> names = new ArrayList<>();
            api.get("admin", "/api/admin/processors").body().forEach(processor -> names.add(
                    processor.path("name").asText()));
            assertThat(names).contains(ProcessingGroups.READ_MODELS, ProcessingGroups.SEARCH,
                    ProcessingGroups.AUDIT).doesNotContain(ProcessingGroups.PEOPLE, ProcessingGroups.STATIONS);
            JsonNode rebuild = api.get("admin", "/api/admin/rebuilds/rebuild-before-the-upgrade").body();
            assertThat(rebuild.path("state").asText()).isEqualTo("FAILED");
            assertThat(rebuild.path("failure").asText()).contains(ProcessingGroups.READ_MODELS);
        }
    }

    private static long head(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
    }

    /** Every processor at the head of the event store. */
    private static void awaitCaughtUp(Api api) {
        Eventually.assertThat(() -> {
            for (JsonNode processor : api.get("admin", "/api/admin/processors").body()) {
                if (processor.path("lag").isNumber()) {
                    assertThat(processor.path("lag").asLong()).as(processor.toString()).isZero();
                }
            }
        });
    }
}
