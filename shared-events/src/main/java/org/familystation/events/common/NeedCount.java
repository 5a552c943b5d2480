package org.familystation.events.common;

/**
 * How many respondents of a needs survey named one need category; the category's name is the one at the time.
 */
public record NeedCount(String categoryCode, String categoryName, int count) {
}
