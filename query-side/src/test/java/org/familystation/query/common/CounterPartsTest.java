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
    void everyPartLiesInExactlyOneSegmentOfUpTo64() {
        for (int segments = 1; segments <= CounterParts.PARTS; segments++) {
            List<Segment> split = Segment.splitBalanced(Segment.ROOT_SEGMENT, segments - 1);
            for (int part = 0; part < CounterParts.PARTS; part++) {
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
            for (int i = 0; i < 2_000; i++) {
                String aggregateId = UUID.randomUUID().toString();
                short part = CounterParts.of(aggregateId);
                assertThat(part).isBetween((short) 0, (short) (CounterParts.PARTS - 1));
                for (Segment segment : split) {
                    // As Axon's SimpleEventHandlerInvoker matches an event to a segment: the sequence identifier's hash.
                    assertThat(segment.matches(part)).isEqualTo(segment.matches(aggregateId.hashCode()));
                }
            }
        }
    }
}
