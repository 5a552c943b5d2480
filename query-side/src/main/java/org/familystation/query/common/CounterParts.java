package org.familystation.query.common;

import java.util.Objects;

/**
 * The part of a shared counter row that an event's handler writes. A counter (services per station and month, money
 * per source and month, …) is kept as partial rows, one per part, and summed when read; an event adds to the part of
 * its aggregate, so that the segments of a processor never write the same row and apply their batches side by side
 * without a lock (docs/design/projection-batches.md).
 * <p>
 * The part is the aggregate identifier hashed as Axon assigns events to segments: the sequencing policy's
 * identifier (the aggregate's, {@code SequentialPerAggregatePolicy}, the default no processor changes) matches a
 * segment when {@code hashCode & mask == segmentId} ({@code Segment.matches}). The part keeps the low bits of that
 * hash, as many parts as the segments processors are created with ({@code familystation.processors.segments},
 * rounded up to a power of two, at most {@link #MAX_PARTS}), so every part lies in exactly one segment.
 * <p>
 * Parts cost rows: a dashboard sums up to that many rows per counter, so one segment (the default) keeps one part and
 * the rows of before. Changing the segment count later changes nothing read (every part is summed); until the
 * counters are rebuilt, two segments may then write one row and have their batches retried as any collision.
 */
public final class CounterParts {

    /** At most as many parts as segments Axon may split a processor into and keep its counters apart. */
    public static final int MAX_PARTS = 64;

    private final int parts;

    /** Parts for processors of {@code segments} segments. */
    public CounterParts(int segments) {
        if (segments < 1) {
            throw new IllegalArgumentException("segments must be at least 1: " + segments);
        }
        int power = Integer.highestOneBit(segments);
        this.parts = Math.min(MAX_PARTS, power == segments ? power : power << 1);
    }

    public int parts() {
        return parts;
    }

    /** The part of the counters that the events of this aggregate write. */
    public short of(String aggregateId) {
        return (short) (Objects.hashCode(aggregateId) & (parts - 1));
    }
}
