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
 * segment when {@code hashCode & mask == segmentId} ({@code Segment.matches}). The part keeps the low six bits of
 * that hash ({@link #PARTS} parts), so with up to {@link #PARTS} segments (whose masks are then at most
 * {@code PARTS - 1}, however Axon split them) every part lies in exactly one segment. The part depends on the
 * aggregate only, not on the segments: the same history gives the same rows with one segment or many.
 */
public final class CounterParts {

    /** Parts per counter: as many as the segments a processor may be split into and keep its counters apart. */
    public static final int PARTS = 64;

    private CounterParts() {
    }

    /** The part of the counters that the events of this aggregate write. */
    public static short of(String aggregateId) {
        return (short) (Objects.hashCode(aggregateId) & (PARTS - 1));
    }
}
