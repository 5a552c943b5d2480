package org.familystation.app.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows written straight into the audit trail's table, with no event of the store behind them: a long trail for a
 * test at the cost of one statement, where as many events in the shared store would reach every processor and every
 * later replay of the run. Each row is a {@code ServiceRecorded} by the user at the community home, of an aggregate
 * {@code load-<n / 10>} of the given type; the test removes them afterwards.
 */
public final class TrailRows {

    private TrailRows() {
    }

    /**
     * Writes {@code rows} rows at global indexes {@code after + 1} to {@code after + rows}: far beyond the store's
     * (the newest of the trail) or below zero (the oldest), so that no event of the store has them.
     */
    public static void insert(JdbcTemplate jdbc, long after, String aggregateType, String userId, int rows) {
        jdbc.update("""
                INSERT INTO rm_audit_event (global_index, occurred_at, event_type, aggregate_type, aggregate_id,
                    user_id, unit_id, correlation_id, causation_id)
                SELECT ? + n, now(), 'ServiceRecorded', ?, 'load-' || (n / 10), ?, 'community-home',
                    'load-' || n, 'load-cause-' || n
                FROM generate_series(1, ?) AS n""", after, aggregateType, userId, rows);
    }
}
