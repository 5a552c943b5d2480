package org.familystation.query.admin;

/**
 * When the event store's head reached each position, as far as looks at it can tell: each look notes the time and
 * the newest event's global index, and a position's time is that of the first look that saw the head at or past it.
 * An event appended between two looks is dated at the second, so the times are late by at most one interval between
 * looks; a position older than every look kept is dated at the oldest look (a lower bound). Keeps the last
 * {@code capacity} looks. Not thread-safe: one looker.
 */
final class HeadHistory {

    private final long[] times;
    private final long[] heads;
    private int oldest;
    private int size;

    HeadHistory(int capacity) {
        this.times = new long[capacity];
        this.heads = new long[capacity];
    }

    /** The head seen at {@code nanos} (heads only grow; a lower one, a look that raced an earlier one, is ignored). */
    void note(long nanos, long head) {
        if (size > 0 && head < heads[index(size - 1)]) {
            return;
        }
        if (size == times.length) {
            oldest = (oldest + 1) % times.length;
            size--;
        }
        times[index(size)] = nanos;
        heads[index(size)] = head;
        size++;
    }

    /**
     * When the head first reached {@code position}, by the looks kept: the oldest look's time when it had already
     * reached it then, the newest look's when none saw it (the position is not in the store yet);
     * {@code Long.MIN_VALUE} before the first look.
     */
    long reached(long position) {
        if (size == 0) {
            return Long.MIN_VALUE;
        }
        int low = 0;
        int high = size - 1;
        if (heads[index(high)] < position) {
            return times[index(high)];
        }
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (heads[index(middle)] >= position) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return times[index(low)];
    }

    private int index(int fromOldest) {
        return (oldest + fromOldest) % times.length;
    }
}
