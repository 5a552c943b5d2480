package org.familystation.query.asof;

/**
 * Which time an answer about the past counts by: when things happened in the world (business time, the dates the
 * users gave: a station opened on, a service delivered on, funds received on), or when they were recorded (the
 * events' timestamps). docs/design/business-dates.md.
 */
public enum TimeBasis {
    BUSINESS,
    RECORDED
}
