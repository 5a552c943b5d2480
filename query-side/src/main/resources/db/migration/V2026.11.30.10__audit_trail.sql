-- The audit trail: one row per event of the event store, with who, which unit, which request and why taken out of
-- the event's metadata and payload so that they can be filtered on. Kept by its own processing group
-- (AuditTrailProjection); the event store's own table gains no index, so appending events costs what it did.

CREATE TABLE rm_audit_event (
    -- The event's position in the event store (domain_event_entry.global_index): the trail's order.
    global_index    BIGINT       PRIMARY KEY,
    event_id        VARCHAR(255) NOT NULL UNIQUE,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    -- The payload's simple class name (StationSuspended); payload_type is the full one, as stored.
    event_type      VARCHAR(255) NOT NULL,
    payload_type    VARCHAR(255) NOT NULL,
    aggregate_type  VARCHAR(255),
    aggregate_id    VARCHAR(255) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    user_id         TEXT,
    unit_id         TEXT,
    correlation_id  TEXT,
    causation_id    TEXT,
    -- Why: the payload's reason (or reviewer's notes), when it has one.
    reason          TEXT,
    -- As serialized in the event store; JSON (not JSONB) keeps the text and its key order as written.
    payload         JSON         NOT NULL,
    metadata        JSON         NOT NULL
);

-- Each filter with the trail's order behind it, so that a filtered page is read from one index in order.
CREATE INDEX rm_audit_event_aggregate ON rm_audit_event (aggregate_id, global_index);
CREATE INDEX rm_audit_event_aggregate_type ON rm_audit_event (aggregate_type, global_index);
CREATE INDEX rm_audit_event_user ON rm_audit_event (user_id, global_index);
CREATE INDEX rm_audit_event_unit ON rm_audit_event (unit_id, global_index);
CREATE INDEX rm_audit_event_type ON rm_audit_event (event_type, global_index);
CREATE INDEX rm_audit_event_correlation ON rm_audit_event (correlation_id, global_index);
CREATE INDEX rm_audit_event_time ON rm_audit_event (occurred_at);
