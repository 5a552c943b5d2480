package org.familystation.query.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that the batches of a projection's processing group are applied one at a time, whatever its segments and
 * nodes: the first of its events in a batch takes a transaction-level advisory lock of the group's processor
 * ({@link ProjectionBatches}; the processor is its family, {@link ProcessingGroups#FAMILIES}, whose batches hold
 * every group's events).
 * <p>
 * For a projection in which events of different aggregates (so of different segments) change the same rows, such as
 * counters per district and month: two segments' batches changing them in different orders deadlock. With one
 * segment per processor (the default, {@code familystation.processors.segments}) the lock is never contended; it is
 * what lets such a projection be given more segments. A projection whose every row belongs to one aggregate (one
 * row or document per record, per event) does without, and its segments' batches are applied side by side.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OneBatchAtATime {
}
