package org.familystation.platform.web;

/**
 * Reading one's own writes. The read side follows the event store a moment behind, so a query sent right after a
 * command may answer the state before it. Every command's answer names the event store's position of its events once
 * they were committed ({@link #EVENT_POSITION}); a query that carries that position ({@link #MIN_POSITION} or
 * {@link #MIN_EVENT_POSITION}) is answered once the read side has handled every event up to it, or after a bounded
 * wait with {@link #STALE} set.
 */
public final class ReadYourWrites {

    /**
     * On a command's answer: the global index of the command's last event (of the newest event in the store when it
     * appended none).
     */
    public static final String EVENT_POSITION = "X-Event-Position";
    /** On a query, as a header: answer from read models that have handled every event up to this global index. */
    public static final String MIN_EVENT_POSITION = "X-Min-Event-Position";
    /** The same as {@link #MIN_EVENT_POSITION}, as a query parameter (handy in a browser or a link). */
    public static final String MIN_POSITION = "minPosition";
    /** On a query's answer: the read side had not reached the asked position when the wait ran out. */
    public static final String STALE = "X-Read-Model-Stale";

    private ReadYourWrites() {
    }
}
