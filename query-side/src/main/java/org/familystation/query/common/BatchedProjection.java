package org.familystation.query.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a projection's event handlers run optimistically in their processor's batch transaction, with no
 * savepoint per event, and that it may collect its writes and apply them together ({@link ProjectionBatches#writes}).
 * When one of its events fails, the batch is rolled back and retried with a savepoint per event for
 * {@link ProjectionBatches#CAREFUL_FOR}, so that the failing event is still parked alone.
 * <p>
 * For projections that handle the high-volume events (service records, every event) or write a batch at once: a
 * savepoint costs two round trips per event, which made replays several times slower. A projection without it
 * runs each event in a savepoint. Why, with the figures: docs/design/projection-batches.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface BatchedProjection {
}
