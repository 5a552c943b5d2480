package org.familystation.platform.serialization;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredInstantsTest {

    private final ObjectMapper fast = new ObjectMapper().findAndRegisterModules().registerModule(StoredInstants.module());
    private final ObjectMapper jackson = new ObjectMapper().findAndRegisterModules();

    record Stamped(Instant at) {
    }

    @Test
    void readsEveryShapeAsJacksonDoes() throws Exception {
        Random random = new Random(29);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L),
                    random.nextInt(1_000_000_000));
            for (ChronoUnit precision : List.of(ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS,
                    ChronoUnit.NANOS)) {
                String json = jackson.writeValueAsString(new Stamped(instant.truncatedTo(precision)));
                assertThat(fast.readValue(json, Stamped.class)).isEqualTo(jackson.readValue(json, Stamped.class))
                        .isEqualTo(new Stamped(instant.truncatedTo(precision)));
            }
        }
    }

    @Test
    void leavesOtherShapesToJackson() throws Exception {
        for (String text : List.of("2026-11-29T14:30:00+08:00", "2026-11-29T06:30:00.5Z", "2026-11-29T06:30Z",
                "+12026-11-29T06:30:00Z", "1700000000", "1700000000.123")) {
            String json = text.matches("[0-9.]+") ? "{\"at\": " + text + "}" : "{\"at\": \"" + text + "\"}";
            Stamped expected;
            try {
                expected = jackson.readValue(json, Stamped.class);
            } catch (Exception refused) {
                assertThatThrownBy(() -> fast.readValue(json, Stamped.class)).as(text).isNotNull();
                continue;
            }
            assertThat(fast.readValue(json, Stamped.class)).as(text).isEqualTo(expected);
        }
        assertThat(StoredInstants.parseUtc("2026-02-30T06:30:00Z")).isNull();
        assertThat(StoredInstants.parseUtc("2026-11-29T24:00:00Z")).isNull();
        assertThat(StoredInstants.parseUtc("2026-11-29T06:30:00.1234567890Z")).isNull();
        assertThat(StoredInstants.parseUtc("2026-11-29 06:30:00Z")).isNull();
        assertThat(StoredInstants.parseUtc("2026-11-29T06:30:00.Z")).isNull();
        assertThat(StoredInstants.parseUtc("2026-11-29T06:30:00.000000001Z"))
                .isEqualTo(Instant.parse("2026-11-29T06:30:00.000000001Z"));
    }
}
