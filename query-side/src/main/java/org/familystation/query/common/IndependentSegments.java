package org.familystation.query.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a projection whose segments share nothing they write: each event changes only its own aggregate's document
 * or row (a search index, no counters across aggregates). {@link ProjectionBatches} then lets its segments' batches
 * run side by side instead of one at a time, since they cannot deadlock on each other's rows.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface IndependentSegments {
}
