package org.familystation.events.common;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Version 7 UUIDs: the time first, so that they sort by when they were made; and Axon's events get them. */
class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7UuidCarryingItsMillisecond() {
        long millis = Instant.parse("2026-12-04T19:40:00.123Z").toEpochMilli();
        UUID id = TimeOrderedIds.nextUuid(millis);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }

    @Test
    void idsMadeLaterSortLaterAsTextAndNoTwoAreAlike() {
        List<String> ids = new ArrayList<>();
        long millis = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 2_000; i++) {
            ids.add(TimeOrderedIds.nextUuid(millis + i / 4).toString());
        }
        for (int i = 4; i < ids.size(); i += 4) {
            assertThat(ids.get(i)).as("made a millisecond after %s", ids.get(i - 1)).isGreaterThan(ids.get(i - 1));
        }
        Set<String> distinct = new HashSet<>(ids);
        for (int i = 0; i < 100_000; i++) {
            distinct.add(TimeOrderedIds.next());
        }
        assertThat(distinct).hasSize(102_000);
    }

    @Test
    void axonMakesEventIdentifiersHere() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIds.class);
        String identifier = GenericEventMessage.asEventMessage("an event").getIdentifier();
        assertThat(UUID.fromString(identifier).version()).isEqualTo(7);
    }
}
