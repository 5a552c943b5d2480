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
 * Only for a projection whose figures depend on rows other segments write: a volunteer's totals count a service once
 * however many entries name the volunteer on it, and those entries are written by the volunteer's events (hours) and
 * the services' events (services naming the volunteer, voidings); each change reads what stands of the service.
 * Two segments' batches doing so side by side would each miss what the other has not committed. Counters that are
 * sums do without: they are kept in parts ({@link CounterParts}), so that the segments of their processor never write
 * the same row and apply their batches side by side. With one segment per processor (the default,
 * {@code familystation.processors.segments}) the lock is never contended.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OneBatchAtATime {
}
