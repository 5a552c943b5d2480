package org.familystation.query.asof;

import org.familystation.query.asof.NetworkSnapshots.Range;
import org.familystation.query.asof.NetworkSnapshots.RecordedSince;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which ranges of the store an answer in recorded time reads, given the ranges its snapshots say hold only events
 * recorded later ({@link NetworkSnapshots#rangesToRead}): everything after the answer's start but those, in order.
 */
class SnapshotRangesTest {

    @Test
    void nothingSkippedReadsTheStoreToItsEnd() {
        assertThat(NetworkSnapshots.rangesToRead(-1, List.of())).containsExactly(new Range(-1, null));
        assertThat(NetworkSnapshots.rangesToRead(5_000, List.of())).containsExactly(new Range(5_000, null));
    }

    @Test
    void theSkippedRangesAreLeftOutAndTheRestReadInOrder() {
        List<RecordedSince> skipped = List.of(skip(10_000, 15_000), skip(15_000, 20_000), skip(25_000, 27_300));
        assertThat(NetworkSnapshots.rangesToRead(5_000, skipped)).containsExactly(
                new Range(5_000, 10_000L), new Range(20_000, 25_000L), new Range(27_300, null));
        // Starting where a skipped range starts: nothing before it to read.
        assertThat(NetworkSnapshots.rangesToRead(10_000, skipped)).containsExactly(
                new Range(20_000, 25_000L), new Range(27_300, null));
    }

    @Test
    void overlappingRangesAreSkippedOnce() {
        // A head snapshot's range and the multiple's that was advanced from the same start.
        List<RecordedSince> skipped = List.of(skip(5_000, 7_500), skip(5_000, 10_000), skip(8_000, 9_000));
        assertThat(NetworkSnapshots.rangesToRead(0, skipped)).containsExactly(
                new Range(0, 5_000L), new Range(10_000, null));
    }

    /** Every position after the start is read exactly once unless a skipped range holds it, over random layouts. */
    @Test
    void everyPositionNotSkippedIsReadOnceInOrder() {
        Random random = new Random(14);
        for (int round = 0; round < 500; round++) {
            int after = random.nextInt(50) - 1;
            List<RecordedSince> skipped = new ArrayList<>();
            TreeSet<Integer> skippedPositions = new TreeSet<>();
            int since = after + random.nextInt(5);
            while (since < 200) {
                int upTo = since + 1 + random.nextInt(20);
                if (random.nextBoolean()) {
                    skipped.add(skip(since, upTo));
                    for (int position = since + 1; position <= upTo; position++) {
                        skippedPositions.add(position);
                    }
                }
                since = upTo - (random.nextInt(4) == 0 ? random.nextInt(upTo - since + 1) : 0)
                        + random.nextInt(3);
            }
            skipped.sort((a, b) -> Long.compare(a.sinceIndex(), b.sinceIndex()));
            List<Range> ranges = NetworkSnapshots.rangesToRead(after, skipped);
            List<Integer> read = new ArrayList<>();
            for (Range range : ranges) {
                long end = range.upTo() == null ? 250 : range.upTo();
                for (long position = range.after() + 1; position <= end; position++) {
                    read.add((int) position);
                }
            }
            List<Integer> expected = new ArrayList<>();
            for (int position = after + 1; position <= 250; position++) {
                if (!skippedPositions.contains(position)) {
                    expected.add(position);
                }
            }
            assertThat(read).as("round %d: after %d, skipping %s", round, after, skipped).isEqualTo(expected);
            assertThat(ranges.get(ranges.size() - 1).upTo()).isNull();
        }
    }

    private static RecordedSince skip(long since, long upTo) {
        return new RecordedSince(since, upTo, null);
    }
}
