package org.familystation.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.familystation.query.admin.TokenPositions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API on the shared application: every processor and where it stands; refusals of rebuilds, including a
 * rebuild another node has started (this node then stops the processor until that rebuild replays). And dead
 * letters: a projection that fails on an event parks it in its dead-letter queue and goes on with the rest; the admin API
 * shows the letter, retries it once the fault is fixed (the read model is then right) or drops it. The fault is
 * real: a CHECK constraint added to the projection's table for the test.
 */
class ProcessorAdminTest extends ApplicationTest {

    /** The processing group of the staff projection: its dead letters are parked, retried, dropped under it. */
    private static final String PEOPLE = "people";
    /** The processor (family) that reads for it. */
    private static final String READ_MODELS = "read-models";
    private static final String FAULT = "rm_federation_staff_dead_letter_test";

    @Autowired
    private TokenPositions tokens;

    @AfterEach
    void removeFault() {
        jdbc.update("ALTER TABLE rm_federation_staff DROP CONSTRAINT IF EXISTS " + FAULT);
    }

    @Test
    void parksShowsRetriesAndDropsWhatAProjectionFailedOn() {
        String unit = scenario.branchCentre("六合区");
        jdbc.update("ALTER TABLE rm_federation_staff ADD CONSTRAINT " + FAULT + " CHECK (name NOT LIKE '故障%') NOT VALID");

        String retried = register("故障甲", unit);
        String dropped = register("故障乙", unit);
        String healthy = register("周敏", unit);

        // The projection went on: the healthy registration is there, the two failed ones are parked.
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/federation-staff/" + healthy).status())
                .isEqualTo(200));
        Eventually.assertThat(() -> assertThat(letters().size()).isEqualTo(2));
        JsonNode letter = letterOf(retried);
        assertThat(letter.path("eventType").asText()).isEqualTo("FederationStaffRegistered");
        assertThat(letter.path("aggregateId").asText()).isEqualTo(retried);
        assertThat(letter.path("aggregateType").asText()).isEqualTo("FederationStaff");
        assertThat(letter.path("first").asBoolean()).isTrue();
        assertThat(letter.path("causeMessage").asText()).contains(FAULT);
        assertThat(letter.path("eventId").asText()).isNotBlank();
        JsonNode family = api.get("admin", "/api/admin/processors/" + READ_MODELS).body();
        assertThat(family.path("deadLetters").asLong()).isEqualTo(2);
        assertThat(groupOf(family, PEOPLE).path("deadLetters").asLong()).isEqualTo(2);
        assertThat(groupOf(family, "stations").path("deadLetters").asLong()).isZero();
        assertThat(letter.path("processingGroup").asText()).isEqualTo(PEOPLE);
        assertThat(letter.path("processor").asText()).isEqualTo(READ_MODELS);
        // Listed under the family too: every group it reads for.
        assertThat(api.get("admin", "/api/admin/dead-letters?processor=" + READ_MODELS).body()
                .findValuesAsText("eventId")).contains(letter.path("eventId").asText());
        assertThat(api.get("admin", "/api/admin/dead-letters").body().findValuesAsText("eventId"))
                .contains(letter.path("eventId").asText());
        assertThat(api.get("auditor", "/api/federation-staff/" + retried).status()).isEqualTo(404);

        // While the fault is there, a retry fails again and the letter stays.
        String retriedEvent = letter.path("eventId").asText();
        Api.Response stillFailing = refused(409, "DEAD_LETTER_STILL_FAILING",
                () -> api.post("admin", "/api/admin/dead-letters/" + PEOPLE + "/" + retriedEvent + "/retry", null));
        assertThat(stillFailing.body().path("detailEn").asText()).contains(FAULT);
        assertThat(letters().size()).isEqualTo(2);

        // Fixed: the retry succeeds and the read model has the registration.
        removeFault();
        Api.Response retry = api.post("admin", "/api/admin/dead-letters/" + PEOPLE + "/" + retriedEvent + "/retry",
                null);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.body().path("processed").asBoolean()).isTrue();
        JsonNode staff = api.get("auditor", "/api/federation-staff/" + retried).body();
        assertThat(staff.path("name").asText()).isEqualTo("故障甲");
        assertThat(staff.path("district").asText()).isEqualTo("六合区");

        // The other is dropped: gone from the queue, and the projection never applies it.
        String droppedEvent = letterOf(dropped).path("eventId").asText();
        Api.Response drop = api.send(HttpMethod.DELETE, "admin", "/api/admin/dead-letters/" + PEOPLE + "/"
                + droppedEvent, null, Map.of());
        assertThat(drop.status()).as(drop.toString()).isEqualTo(204);
        assertThat(letters()).isEmpty();
        assertThat(api.get("auditor", "/api/federation-staff/" + dropped).status()).isEqualTo(404);
        assertThat(api.get("admin", "/api/admin/processors/" + READ_MODELS).body().path("deadLetters").asLong())
                .isZero();
    }

    @Test
    void refusesUnknownProcessorsAndLettersAndUsersOtherThanAdmins() {
        refused(404, "PROCESSOR_NOT_FOUND", () -> api.get("admin", "/api/admin/dead-letters?processor=nope"));
        refused(404, "PROCESSOR_NOT_FOUND", () -> api.get("admin", "/api/admin/processors/nope"));
        refused(404, "DEAD_LETTER_NOT_FOUND",
                () -> api.post("admin", "/api/admin/dead-letters/" + PEOPLE + "/no-such-event/retry", null));
        refused(404, "DEAD_LETTER_NOT_FOUND", () -> api.send(HttpMethod.DELETE, "admin",
                "/api/admin/dead-letters/" + PEOPLE + "/no-such-event", null, Map.of()));
        // A letter is parked under its processing group: a family has no queue of its own.
        refused(404, "DEAD_LETTER_NOT_FOUND",
                () -> api.post("admin", "/api/admin/dead-letters/" + READ_MODELS + "/no-such-event/retry", null));
        refused(404, "PROCESSOR_NOT_FOUND",
                () -> api.post("admin", "/api/admin/dead-letters/nope/no-such-event/retry", null));
        // A processing group of a family is not a processor: the refusal names its family.
        Api.Response group = refused(404, "PROCESSING_GROUP_OF_FAMILY",
                () -> api.get("admin", "/api/admin/processors/" + PEOPLE));
        assertThat(group.body().path("detailEn").asText()).contains(READ_MODELS);
        refused(403, "FORBIDDEN", () -> api.get("auditor", "/api/admin/processors"));
        refused(403, "FORBIDDEN", () -> api.get("hq", "/api/admin/dead-letters"));
        refused(403, "FORBIDDEN", () -> api.post("hq", "/api/admin/processors/" + READ_MODELS + "/rebuild", null));
    }

    @Test
    void listsEveryProcessorWithItsGroupsSegmentsPositionsAndLag() {
        String staff = register("吴芳", scenario.branchCentre("六合区"));
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/federation-staff/" + staff).status())
                .isEqualTo(200));
        JsonNode processors = api.get("admin", "/api/admin/processors").body();
        // One processor per family of projections, none per processing group.
        List<String> names = new ArrayList<>();
        JsonNode search = null;
        for (JsonNode processor : processors) {
            names.add(processor.path("name").asText());
            if (processor.path("name").asText().equals("search")) {
                search = processor;
            }
        }
        assertThat(names).contains(READ_MODELS, "search", "audit-trail")
                .doesNotContain(PEOPLE, "stations", "service-records", "service-record-search");
        assertThat(search).isNotNull();
        assertThat(search.path("groups").findValuesAsText("name"))
                .containsExactly("service-record-search", "needs-survey-search");
        long registered = jdbc.queryForObject("SELECT global_index FROM domain_event_entry"
                + " WHERE aggregate_identifier = ?", Long.class, staff);
        Eventually.assertThat(() -> {
            JsonNode people = api.get("admin", "/api/admin/processors/" + READ_MODELS).body();
            assertThat(people.path("groups").findValuesAsText("name")).contains(PEOPLE, "stations", "network",
                    "service-records", "funds", "referrals", "needs", "accounts");
            assertThat(people.path("kind").asText()).isEqualTo("pooled-streaming");
            assertThat(people.path("running").asBoolean()).isTrue();
            assertThat(people.path("error").asBoolean()).isFalse();
            assertThat(people.path("replayable").asBoolean()).isTrue();
            assertThat(people.path("headPosition").asLong()).isGreaterThanOrEqualTo(registered);
            assertThat(people.path("lag").isNumber()).isTrue();
            // familystation.processors.segments: one by default.
            assertThat(people.path("segments")).hasSize(1).allSatisfy(segment -> {
                assertThat(segment.path("claimedHere").asBoolean()).isTrue();
                assertThat(segment.path("owner").asText()).isNotBlank();
                assertThat(segment.path("position").asLong()).isGreaterThanOrEqualTo(0);
            });
            // The segment that handled the registration has passed it.
            assertThat(people.path("segments").findValuesAsText("position").stream().mapToLong(Long::parseLong)
                    .max().orElseThrow()).isGreaterThanOrEqualTo(registered);
        });
        JsonNode saga = null;
        for (JsonNode processor : processors) {
            if (processor.path("saga").asBoolean()) {
                saga = processor;
            }
        }
        assertThat(saga).as("a saga processor in " + processors).isNotNull();
        assertThat(saga.path("replayable").asBoolean()).isFalse();
    }

    /**
     * A saga takes none of the registrations: its processor passes them by at once, but stores its token only when it
     * extends its claim (every 5 s). The admin API (and with it the lag metric and the readiness check) reports where
     * the processor stands in memory, so it is not shown thousands of events behind under load. Each try records an
     * event and looks until the saga is reported past it; the try counts when the stored token had not got there.
     */
    @Test
    void aProcessorPassingEventsByIsReportedWhereItStandsNotWhereItLastStoredItsToken() throws Exception {
        String unit = scenario.branchCentre("浦口区");
        String saga = null;
        for (JsonNode processor : api.get("admin", "/api/admin/processors").body()) {
            if (processor.path("saga").asBoolean()) {
                saga = processor.path("name").asText();
            }
        }
        assertThat(saga).isNotNull();
        boolean aheadOfItsToken = false;
        for (int attempt = 0; attempt < 5 && !aheadOfItsToken; attempt++) {
            String staff = register("郑" + "一二三四五".charAt(attempt), unit);
            long registered = jdbc.queryForObject("SELECT global_index FROM domain_event_entry"
                    + " WHERE aggregate_identifier = ?", Long.class, staff);
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (System.nanoTime() < deadline) {
                long reported = api.get("admin", "/api/admin/processors/" + saga).body().path("segments")
                        .findValuesAsText("position").stream().mapToLong(Long::parseLong).min().orElse(-1);
                if (reported >= registered) {
                    long stored = tokens.segments(saga).stream().mapToLong(TokenPositions.Segment::position).min()
                            .orElse(-1);
                    aheadOfItsToken = stored < registered;
                    break;
                }
                Thread.sleep(20);
            }
        }
        assertThat(aheadOfItsToken).as(saga + " reported past a registration before its stored token was").isTrue();
    }

    @Test
    void refusesRebuildsThatCannotOrMustNotStart() {
        refused(404, "PROCESSOR_NOT_FOUND", () -> api.post("admin", "/api/admin/processors/nope/rebuild", null));
        refused(404, "REBUILD_NOT_FOUND", () -> api.get("admin", "/api/admin/rebuilds/nope"));
        // One token per family: a processing group is rebuilt with its family, never alone.
        Api.Response group = refused(404, "PROCESSING_GROUP_OF_FAMILY",
                () -> api.post("admin", "/api/admin/processors/offerings/rebuild", null));
        assertThat(group.body().path("detailEn").asText()).contains(READ_MODELS);
        JsonNode processors = api.get("admin", "/api/admin/processors").body();
        for (JsonNode processor : processors) {
            if (!processor.path("replayable").asBoolean()) {
                // Sagas would send their commands again; command registries are kept in the command's transaction.
                refused(409, "PROCESSOR_NOT_REPLAYABLE", () -> api.post("admin", "/api/admin/processors/"
                        + processor.path("name").asText() + "/rebuild", null));
            }
        }

        // Another node has started rebuilding the search indexes: this node stops that processor and refuses a second.
        String search = "/api/admin/processors/search";
        jdbc.update("INSERT INTO admin_rebuild (rebuild_id, processor_name, state, requested_by, requested_at)"
                + " VALUES ('rebuild-on-another-node', 'search', 'STOPPING', 'admin', now())");
        try {
            Eventually.assertThat(() -> assertThat(api.get("admin", search).body().path("running").asBoolean())
                    .isFalse());
            Api.Response running = refused(409, "REBUILD_ALREADY_RUNNING",
                    () -> api.post("admin", search + "/rebuild", null));
            assertThat(running.body().path("detailEn").asText()).contains("rebuild-on-another-node");
            assertThat(api.get("admin", search).body().path("activeRebuild").asText())
                    .isEqualTo("rebuild-on-another-node");
        } finally {
            jdbc.update("UPDATE admin_rebuild SET state = 'FAILED' WHERE rebuild_id = 'rebuild-on-another-node'");
        }
        // Once that rebuild is over, this node runs the processor again.
        Eventually.assertThat(() -> assertThat(api.get("admin", search).body().path("running").asBoolean())
                .isTrue());
    }

    private String register(String name, String unit) {
        Api.Response response = api.post("hq", "/api/federation-staff", """
                {"name": "%s", "unitId": "%s"}""".formatted(name, unit));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.id();
    }

    private JsonNode letters() {
        Api.Response response = api.get("admin", "/api/admin/dead-letters?processor=" + PEOPLE);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode groupOf(JsonNode processor, String group) {
        for (JsonNode candidate : processor.path("groups")) {
            if (candidate.path("name").asText().equals(group)) {
                return candidate;
            }
        }
        throw new AssertionError("no group " + group + " in " + processor);
    }

    private JsonNode letterOf(String aggregateId) {
        for (JsonNode letter : letters()) {
            if (letter.path("aggregateId").asText().equals(aggregateId)) {
                return letter;
            }
        }
        throw new AssertionError("no dead letter of " + aggregateId + " in " + letters());
    }
}
