package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.app.support.Api;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.ReferenceWorld;
import org.familystation.app.support.SharedSearch;
import org.familystation.app.support.StandaloneApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network as of now at Nanjing scale: on the run's {@link ReferenceWorld} (the reference scenario loaded into an
 * application of its own), the answer is checked against what was loaded, and how long it takes is printed
 * (measured, never asserted). The number of services is the world's ({@code -Dreference.services}; the README's
 * figure is for 10,000).
 */
@ExtendWith(ReferenceWorld.Loaded.class)
@SharedSearch.Used
class AsOfScaleTest {

    private static final int RUNS = 7;

    @Test
    void answersTheNanjingNetworkAsOfNowAndPrintsHowLongItTook(ReferenceWorld world) {
        {
            StandaloneApplication application = world.application();
            Api api = world.api();

            JsonNode network = api.get("auditor", "/api/as-of").body();
            assertThat(network.path("stations")).hasSize(33);
            assertThat(network.path("allianceMembers")).hasSize(21);
            assertThat(network.path("network").path("unitsByLevel").path("COMMUNITY_HOME").asLong()).isEqualTo(1_317);
            assertThat(network.path("services").path("total").asLong()).isEqualTo(ReferenceWorld.SERVICES);
            assertThat(network.path("funds").path("funds")).hasSize(ReferenceWorld.FUNDS);
            Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/dashboard/summary").body()
                    .path("services").path("total").asLong()).isEqualTo(ReferenceWorld.SERVICES));

            List<Long> millis = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                long start = System.nanoTime();
                JsonNode answer = api.get("auditor", "/api/as-of").body();
                millis.add((System.nanoTime() - start) / 1_000_000);
                assertThat(answer.path("eventsRead").asLong()).isEqualTo(network.path("eventsRead").asLong());
            }
            long start = System.nanoTime();
            api.get("auditor", "/api/dashboard/summary");
            long summaryMillis = (System.nanoTime() - start) / 1_000_000;
            JdbcTemplate jdbc = application.bean(JdbcTemplate.class);
            long stored = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
            // The share of the time spent only fetching the stored bytes (no deserializing, no folding, no HTTP).
            List<Long> fetchMillis = new ArrayList<>();
            long[] bytes = new long[1];
            for (int run = 0; run < RUNS; run++) {
                bytes[0] = 0;
                long fetchStart = System.nanoTime();
                jdbc.query("SELECT payload FROM domain_event_entry WHERE payload_type NOT LIKE '%.offering.%'"
                        + " AND payload_type NOT LIKE '%.referral.%' AND payload_type NOT LIKE '%.needs.%'"
                        + " AND payload_type NOT LIKE '%.people.%' ORDER BY global_index",
                        row -> {
                            bytes[0] += row.getBytes(1).length;
                        });
                fetchMillis.add((System.nanoTime() - fetchStart) / 1_000_000);
            }
            Collections.sort(fetchMillis);
            List<Long> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            System.out.printf("AS-OF at Nanjing scale (%,d services): %,d events stored, %,d read;"
                            + " GET /api/as-of over HTTP: first %d ms, median %d ms, min %d ms of %d runs %s;"
                            + " fetching the rows alone (%,d KB): median %d ms; GET /api/dashboard/summary: %d ms%n",
                    ReferenceWorld.SERVICES, stored, network.path("eventsRead").asLong(), millis.get(0), sorted.get(RUNS / 2),
                    sorted.get(0), RUNS, millis, bytes[0] / 1024, fetchMillis.get(RUNS / 2), summaryMillis);
        }
    }
}
