package org.familystation.query.history;

import java.time.Instant;
import java.util.Map;

/**
 * One event in an entity's history: when, what (its type and full payload), and who and why (its metadata:
 * {@code userId}, {@code unitId}, {@code correlationId}, {@code causationId}).
 */
public record HistoryEntry(long sequenceNumber, Instant timestamp, String type, Object payload,
                           Map<String, Object> metadata) {
}
