package org.familystation.platform.eventstore;

import java.util.OptionalLong;

/**
 * The global index of the last event a piece of work on this thread appended to the store, as PostgreSQL gave it
 * ({@link PositionReturningStorageEngine}). A command sent through Axon's local command bus is handled, and its
 * events appended and committed, on the sending thread; its answer can then name its own events' position
 * without asking the store for its newest one.
 */
public final class AppendedPositions {

    private static final ThreadLocal<Capture> CURRENT = new ThreadLocal<>();

    private AppendedPositions() {
    }

    /**
     * Runs {@code work} and answers the highest position it appended on this thread; empty when it appended
     * nothing here (no event, or a command bus that handles commands elsewhere). Nested calls each see their own.
     */
    public static OptionalLong during(Runnable work) {
        Capture outer = CURRENT.get();
        Capture capture = new Capture();
        CURRENT.set(capture);
        try {
            work.run();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                outer.appended(capture.highest);
                CURRENT.set(outer);
            }
        }
        return capture.highest < 0 ? OptionalLong.empty() : OptionalLong.of(capture.highest);
    }

    /** Noted by the storage engine for each appended event; nothing happens on a thread outside {@link #during}. */
    static void appended(long position) {
        Capture capture = CURRENT.get();
        if (capture != null) {
            capture.appended(position);
        }
    }

    private static final class Capture {
        private long highest = -1;

        void appended(long position) {
            highest = Math.max(highest, position);
        }
    }
}
