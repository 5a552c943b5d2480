package org.familystation.benchmark;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeded events look like the event store's own where its readers compare them. */
class SeederTest {

    @Test
    void aSeededTimeStampIsStoredToTheMillisecondAsTheEventStoreStoresIt() {
        assertThat(Seeder.storedTimestamp(Instant.parse("2026-12-06T07:46:01.123456789Z")))
                .isEqualTo("2026-12-06T07:46:01.123Z");
        assertThat(Seeder.storedTimestamp(Instant.parse("2026-12-06T07:46:01Z")))
                .isEqualTo("2026-12-06T07:46:01.000Z");
    }

    @Test
    void storedTimeStampsCompareAsTextAsTheirInstantsDo() {
        // What the as-of reads rely on: "recorded by" is a text comparison in SQL.
        String bound = Seeder.storedTimestamp(Instant.parse("2026-12-06T07:46:01.123Z"));
        assertThat(Seeder.storedTimestamp(Instant.parse("2026-12-06T07:46:01.123456Z"))).isLessThanOrEqualTo(bound);
        assertThat(Seeder.storedTimestamp(Instant.parse("2026-12-06T07:46:01.124Z"))).isGreaterThan(bound);
        assertThat(Seeder.storedTimestamp(Instant.parse("2026-12-06T07:46:01Z"))).isLessThan(bound);
        assertThat(Seeder.storedTimestamp(Instant.parse("2026-12-06T07:46:00.999999Z"))).isLessThan(
                Seeder.storedTimestamp(Instant.parse("2026-12-06T07:46:01Z")));
    }
}
