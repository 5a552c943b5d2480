package org.familystation.benchmark;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The arithmetic the report rests on: percentiles, token positions, and the replay rate of the read models. */
class FiguresTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        Latencies latencies = new Latencies();
        for (int millis = 100; millis >= 1; millis--) {
            latencies.add(millis * 1_000_000L);
        }
        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(95)).isEqualTo(95.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(new Latencies().percentileMillis(50)).isNaN();
    }

    @Test
    void aTokenPositionIsItsIndexOrTheCurrentTokenOfAReplay() throws Exception {
        assertThat(ReadSide.position(bytes("{\"index\":1234,\"gaps\":[1200]}"))).isEqualTo(1234);
        assertThat(ReadSide.position(bytes("{\"tokenAtReset\":{\"index\":900,\"gaps\":[]},"
                + "\"currentToken\":{\"index\":17,\"gaps\":[]}}"))).isEqualTo(17);
        assertThat(ReadSide.position(null)).isEqualTo(-1);
    }

    @Test
    void theSnapshotterHasCaughtUpAtItsLastMultipleOrAtTheHeadWhenFarEnoughPastIt() {
        assertThat(ReadSide.snapshotDue(800, -1, ReadSide.SNAPSHOT_EVERY)).as("nothing to take yet").isEqualTo(-1);
        assertThat(ReadSide.snapshotDue(4_000, -1, ReadSide.SNAPSHOT_EVERY)).as("a head snapshot, no multiple yet")
                .isEqualTo(4_000);
        assertThat(ReadSide.snapshotDue(1_000_000, -1, ReadSide.SNAPSHOT_EVERY)).isEqualTo(1_000_000);
        assertThat(ReadSide.snapshotDue(1_000_999, 5_000, ReadSide.SNAPSHOT_EVERY)).as("999 past the last multiple")
                .isEqualTo(1_000_000);
        assertThat(ReadSide.snapshotDue(1_001_000, 5_000, ReadSide.SNAPSHOT_EVERY)).isEqualTo(1_001_000);
        assertThat(ReadSide.snapshotDue(1_000_900, 1_000_900, ReadSide.SNAPSHOT_EVERY)).as("already taken")
                .isEqualTo(1_000_900);
        assertThat(ReadSide.snapshotDue(10_000_050, 1_000_900, ReadSide.SNAPSHOT_EVERY)).isEqualTo(10_000_000);
        assertThat(ReadSide.snapshotDue(120_000, -1, 50_000)).as("every as the as-of run sets it").isEqualTo(120_000);
        assertThat(ReadSide.snapshotDue(100_999, -1, 50_000)).isEqualTo(100_000);
    }

    @Test
    void theReadModelsAreRebuiltAtTheRateOfTheirSlowestProjectionThatHadWorkToDo() {
        Map<String, Object> replay = Map.of("processors", Map.of(
                "service-records", Map.of("finished", true, "reachedHead", true, "eventsPerSecond", 4_000),
                "stations", Map.of("finished", true, "reachedHead", true, "eventsPerSecond", 9_000),
                // idle: none of the replayed events were for it
                "alliance-conventions", Map.of("finished", true, "reachedHead", false, "eventsPerSecond", 3),
                // the search projection is judged on its own
                "service-record-search", Map.of("finished", true, "reachedHead", true, "eventsPerSecond", 1_000)));

        assertThat(Report.pgReplayRate(replay)).isEqualTo(4_000);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
