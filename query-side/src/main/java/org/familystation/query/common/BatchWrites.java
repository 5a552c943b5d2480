package org.familystation.query.common;

/**
 * Writes a projection collects while it handles the events of a batch and applies together, in a few multi-row
 * statements instead of one statement per event (see {@link ProjectionBatches#writes}): the replay profile showed
 * a statement per event, and batched the service-record replay went from 573 to 1,422 events/s (BENCHMARKS.md).
 * Applying them twice must be harmless: {@link #flush()} empties what it has applied.
 */
public interface BatchWrites {

    /** Applies the writes collected so far, in this thread's transaction, and forgets them. */
    void flush();
}
