-- Snapshots of the network fold of /api/as-of (query/asof/NetworkSnapshots): the fold of every event up to a global
-- index, so that an answer reads only the events after it. Derived from the events alone: dropping every row loses
-- nothing but time. A row of another fold version is never read, and is dropped by the next snapshot taken.
CREATE TABLE as_of_snapshot (
    fold_version     TEXT        NOT NULL,
    global_index     BIGINT      NOT NULL,
    last_recorded_at TIMESTAMPTZ NOT NULL,
    events_read      BIGINT      NOT NULL,
    state            BYTEA       NOT NULL,
    taken_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (fold_version, global_index)
);
