package org.familystation.query.common;

import java.util.List;

/** One page of a longer list. {@code page} counts from 0. */
public record PageOf<T>(List<T> items, int page, int size, long total) {
}
