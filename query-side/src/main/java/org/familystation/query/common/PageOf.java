package org.familystation.query.common;

import java.util.List;

/**
 * One page of a longer list. {@code page} counts from 0.
 *
 * @param total      how many items the list has; when {@code totalExact} is false, only how many it has at least
 *                   (a long list is counted only so far past the page: {@link PagedQuery#COUNT_CAP})
 * @param totalExact whether {@code total} is the list's exact length
 */
public record PageOf<T>(List<T> items, int page, int size, long total, boolean totalExact) {

    /** A page of a list whose length is known exactly. */
    public PageOf(List<T> items, int page, int size, long total) {
        this(items, page, size, total, true);
    }

    /** The same page of the same list, with its items replaced (each read further, say): its total goes with it. */
    public <U> PageOf<U> withItems(List<U> replaced) {
        return new PageOf<>(replaced, page, size, total, totalExact);
    }
}
