package org.familystation.query.common;

import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A counter's part lies in exactly one segment of a processor split into up to 64 segments, however Axon split them
 * (balanced or not), and it is the segment Axon gives the part's aggregates to: so two segments never write the same
 * counter row.
 */
class CounterPartsTest {

    @Test
    void asManyPartsAsSegmentsRoundedUpToAPowerOfTwoAndAtMost64() {
        assertThat(new CounterParts(1).parts()).isOne();
        assertThat(new CounterParts(2).parts()).isEqualTo(2);
        assertThat(new CounterParts(3).parts()).isEqualTo(4);
        assertThat(new CounterParts(4).parts()).isEqualTo(4);
        assertThat(new CounterParts(5).parts()).isEqualTo(8);
        assertThat(new CounterParts(64).parts()).isEqualTo(64);
        assertThat(new CounterParts(100).parts()).isEqualTo(CounterParts.MAX_PARTS);
        assertThat(new CounterParts(1).of(UUID.randomUUID().toString())).isZero();
    }

    @Test
    void everyPartLiesInExactlyOneSegmentOfUpTo64() {
        for (int segments = 1; segments <= CounterParts.MAX_PARTS; segments++) {
            List<Segment> split = Segment.splitBalanced(Segment.ROOT_SEGMENT, segments - 1);
            int parts = new CounterParts(segments).parts();
            for (int part = 0; part < parts; part++) {
                int value = part;
                assertThat(split.stream().filter(segment -> segment.matches(value)))
                        .as("segments of part %d among %d", part, segments).hasSize(1);
            }
        }
    }

    @Test
    void anAggregatesPartIsInTheSegmentAxonGivesItsEventsTo() {
        for (int segments : new int[]{1, 2, 3, 4, 7, 16, 64}) {
            List<Segment> split = Segment.splitBalanced(Segment.ROOT_SEGMENT, segments - 1);
            CounterParts parts = new CounterParts(segments);
            for (int i = 0; i < 2_000; i++) {
                String aggregateId = UUID.randomUUID().toString();
                short part = parts.of(aggregateId);
                assertThat(part).isBetween((short) 0, (short) (parts.parts() - 1));
                for (Segment segment : split) {
                    // As Axon's SimpleEventHandlerInvoker matches an event to a segment: the sequence identifier's hash.
                    assertThat(segment.matches(part)).isEqualTo(segment.matches(aggregateId.hashCode()));
                }
            }
        }
    }
}
