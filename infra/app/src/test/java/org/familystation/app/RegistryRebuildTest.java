package org.familystation.app;

import org.familystation.app.support.ApplicationTest;
import org.familystation.command.common.EditedMigrations;
import org.familystation.command.common.RegistryRebuild;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side's registries rebuilt by replaying the event store through their own handlers
 * (docs/design/registry-rebuild.md): what the replay writes equals what the handlers wrote live, events stored in an
 * older revision are upcast on the way, and the refusals that read the registries still refuse.
 */
class RegistryRebuildTest extends ApplicationTest {

    private static final String DISTRICT = "六合区";
    static final List<String> REGISTRIES = List.of("JdbcAccountRegistry", "JdbcCatalogueRegistry",
            "JdbcConventionRegistry", "JdbcMemberRegistry", "JdbcOfferingRegistry", "JdbcPeopleRegistry",
            "JdbcPlaceRegistry", "JdbcServiceRecordRegistry", "JdbcStationRegistry", "JdbcUnitRegistry",
            "JdbcVolunteerRegistry");

    @Autowired
    RegistryRebuild rebuild;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Flyway flyway;
    @Autowired
    EditedMigrations editedMigrations;

    @Test
    void registriesRebuiltByReplayEqualTheLiveOnesAndStillRefuse() {
        String station = scenario.openStation("重建家庭驿站", DISTRICT);
        String path = "/api/stations/" + station;
        noContent(api.post("hq", path + "/suspension",
                "{\"reason\": \"场地改造\", \"effectiveAt\": \"2017-01-01T00:00:00+08:00\"}"));
        noContent(api.post("hq", path + "/reopening",
                "{\"reason\": \"改造完成\", \"effectiveAt\": \"2017-04-01T00:00:00+08:00\"}"));
        noContent(api.post("hq", path + "/points/CULTURE/deactivation",
                "{\"reason\": \"图书室拆除\", \"effectiveAt\": \"2018-06-01T00:00:00+08:00\"}"));
        String member = scenario.admittedMember("DOMESTIC_SERVICE", "重建家政服务社");
        String byMember = scenario.recordService(station, "CONVENIENCE", "HOUSEKEEPING", member, "上门保洁",
                "2026-11-02T02:00:00Z", 5);
        String corrected = scenario.recordService(station, "CONVENIENCE", "HOUSEKEEPING", 3, "2026-11-02T02:00:00Z",
                "上门保洁");
        noContent(api.post("worker", "/api/service-records/" + corrected + "/corrections", """
                {"changes": {"projectCode": "DELIVERY", "deliveredAt": "2026-11-03T02:00:00Z"}, "reason": "项目录错"}"""));
        String voided = scenario.recordService(station, "CONVENIENCE", "HOUSEKEEPING", 3, "2026-11-02T02:00:00Z",
                "上门保洁");
        noContent(api.post("worker", "/api/service-records/" + voided + "/voiding", "{\"reason\": \"重复录入\"}"));
        List<String> records = List.of(byMember, corrected, voided);
        Map<String, List<Map<String, Object>>> live = rows(jdbc, station, member, records);
        assertThat(live.get("cmd_station_change")).hasSize(4);
        assertThat(live.get("cmd_service_record")).hasSize(3);

        // Recorded before the provider named people (revision 1), and never seen by the live handler.
        String old = appendServiceRecordedRevision1(station, member);
        assertThat(registered(old)).isFalse();

        // Every registry last built at version 0, the service records' emptied besides.
        jdbc.update("UPDATE cmd_registry_version SET version = 0");
        jdbc.update("DELETE FROM cmd_service_record");
        assertThat(rebuild.rebuildOutdated()).containsExactlyElementsOf(REGISTRIES);

        assertThat(rows(jdbc, station, member, records)).isEqualTo(live);
        assertThat(jdbc.queryForMap("SELECT station_id, project_code, project_name, voided FROM cmd_service_record"
                        + " WHERE service_record_id = ?", old))
                .containsEntry("station_id", station).containsEntry("project_code", "HOUSEKEEPING")
                .containsEntry("project_name", "旧版上门保洁").containsEntry("voided", false);
        assertThat(jdbc.queryForList("SELECT registry FROM cmd_registry_version WHERE version = 1 ORDER BY registry",
                String.class)).containsExactlyElementsOf(REGISTRIES);
        assertThat(rebuild.rebuildOutdated()).as("built at the code's versions: nothing to do").isEmpty();

        // The refusals that read the rebuilt registries.
        String home = (String) live.get("cmd_station").get(0).get("community_home_id");
        refused(409, "STATION_ALREADY_OPEN_AT_HOME", () -> api.post("hq", "/api/stations", """
                {"communityHomeId": "%s", "stationName": "重建第二家庭驿站"}""".formatted(home)));
        String creditCode = (String) live.get("cmd_alliance_member").get(0).get("credit_code");
        refused(409, "CREDIT_CODE_ALREADY_IN_ALLIANCE", () -> api.post("hq", "/api/alliance-applications", """
                {"alliance": "DOMESTIC_SERVICE", "organisationName": "重建家政服务社", "organisationType": "ENTERPRISE",
                 "creditCode": "%s"}""".formatted(creditCode)));
        refused(422, "STATION_NOT_OPEN", () -> api.post("worker", path + "/service-records", """
                {"stationPoint": "CONVENIENCE", "projectCode": "HOUSEKEEPING", "providerKind": "SOCIAL_WORKER",
                 "socialWorkerIds": ["%s"], "deliveredAt": "2017-02-01T10:00:00+08:00", "participantCount": 3,
                 "description": "停业期间"}""".formatted(scenario.socialWorkerAt(station))));
    }

    @Test
    void aRebuildIsOneTransactionSoAnInterruptedOneLeavesTheRegistryAsItWas() {
        String station = scenario.openStation("中断重建家庭驿站", DISTRICT);
        List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM cmd_station WHERE station_id = ?", station);
        jdbc.update("UPDATE cmd_registry_version SET version = 0 WHERE registry = 'JdbcStationRegistry'");

        // The rebuild joins this transaction, which then fails after it: everything it did is undone.
        TransactionTemplate interrupted = new TransactionTemplate(transactions);
        interrupted.executeWithoutResult(status -> {
            assertThat(rebuild.rebuildOutdated()).containsExactly("JdbcStationRegistry");
            status.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("SELECT version FROM cmd_registry_version WHERE registry = 'JdbcStationRegistry'",
                Integer.class)).as("still to be rebuilt at the next start").isZero();
        assertThat(jdbc.queryForList("SELECT * FROM cmd_station WHERE station_id = ?", station)).isEqualTo(before);

        assertThat(rebuild.rebuildOutdated()).containsExactly("JdbcStationRegistry");
        assertThat(jdbc.queryForList("SELECT * FROM cmd_station WHERE station_id = ?", station)).isEqualTo(before);
    }

    @Test
    void anInstallationThatRanTheMigrationsBeforeTheirCopiesWereRemovedStillStarts() {
        for (EditedMigrations.Edit edit : EditedMigrations.EDITS) {
            assertThat(checksum(edit.version())).as("a fresh schema records the edited file of " + edit.version())
                    .isEqualTo(edit.after());
        }
        try {
            EditedMigrations.EDITS.forEach(edit -> setChecksum(edit.version(), edit.before()));
            assertThat(flyway.validateWithResult().validationSuccessful).as("Flyway refuses the edited files")
                    .isFalse();

            editedMigrations.migrate(flyway);

            assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
            EditedMigrations.EDITS.forEach(edit -> assertThat(checksum(edit.version())).isEqualTo(edit.after()));
        } finally {
            EditedMigrations.EDITS.forEach(edit -> setChecksum(edit.version(), edit.after()));
        }
    }

    /** The registry rows of this test's station, its unit, member, offering, social worker and service records. */
    static Map<String, List<Map<String, Object>>> rows(JdbcTemplate jdbc, String station, String member,
                                                       List<String> records) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        rows.put("cmd_station", jdbc.queryForList("SELECT * FROM cmd_station WHERE station_id = ?", station));
        rows.put("cmd_station_change", jdbc.queryForList(
                "SELECT * FROM cmd_station_change WHERE station_id = ? ORDER BY sequence_number", station));
        rows.put("cmd_org_unit", jdbc.queryForList("""
                SELECT u.* FROM cmd_org_unit u JOIN cmd_station s ON s.community_home_id = u.unit_id
                WHERE s.station_id = ?""", station));
        rows.put("cmd_alliance_member", jdbc.queryForList("SELECT * FROM cmd_alliance_member WHERE member_id = ?",
                member));
        rows.put("cmd_offering", jdbc.queryForList("SELECT * FROM cmd_offering WHERE member_id = ? ORDER BY offering_id",
                member));
        rows.put("cmd_social_worker", jdbc.queryForList("SELECT * FROM cmd_social_worker WHERE station_id = ?",
                station));
        rows.put("cmd_service_record", jdbc.queryForList(
                "SELECT * FROM cmd_service_record WHERE service_record_id IN ("
                        + String.join(", ", Collections.nCopies(records.size(), "?")) + ") ORDER BY service_record_id",
                records.toArray()));
        return rows;
    }

    private boolean registered(String serviceRecordId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM cmd_service_record WHERE service_record_id = ?)", Boolean.class,
                serviceRecordId));
    }

    /** A service recorded as revision 1 of ServiceRecorded stored it (the golden file's shape). */
    private String appendServiceRecordedRevision1(String station, String member) {
        String id = UUID.randomUUID().toString();
        String payload = """
                {"serviceRecordId": "%s", "stationId": "%s", "stationName": "重建家庭驿站", "district": "%s",
                 "details": {"stationPoint": "CONVENIENCE", "projectCode": "HOUSEKEEPING", "projectName": "旧版上门保洁",
                             "provider": {"kind": "ALLIANCE_MEMBER", "memberId": "%s", "name": "重建家政服务社"},
                             "deliveredAt": "2026-10-02T02:00:00Z", "participantCount": 3,
                             "description": "旧版记录", "satisfaction": 4},
                 "recordedAt": "2026-10-02T02:00:00Z"}""".formatted(id, station, DISTRICT, member);
        jdbc.update("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                VALUES (?, 0, 'ServiceRecord', ?, ?, ?, '1', 'org.familystation.events.servicerecord.ServiceRecorded', ?)""",
                id, UUID.randomUUID().toString(), "{\"userId\":\"worker\"}".getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8), Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        return id;
    }

    private Integer checksum(String version) {
        return jdbc.queryForObject("SELECT checksum FROM flyway_schema_history WHERE version = ?", Integer.class,
                version);
    }

    private void setChecksum(String version, int checksum) {
        jdbc.update("UPDATE flyway_schema_history SET checksum = ? WHERE version = ?", checksum, version);
    }
}
