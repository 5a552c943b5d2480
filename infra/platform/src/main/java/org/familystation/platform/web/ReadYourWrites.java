package org.familystation.platform.web;

/**
 * Reading one's own writes. The read side follows the event store a moment behind, so a query sent right after a
 * command may answer the state before it. Every command's answer names the event store's position once its events
 * were committed ({@link #EVENT_POSITION}), to compare with the processors' positions.
 */
public final class ReadYourWrites {

    /** On a command's answer: the global index of the newest event when the command's events were committed. */
    public static final String EVENT_POSITION = "X-Event-Position";

    private ReadYourWrites() {
    }
}
