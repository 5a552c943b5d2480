-- Rebuilds of projections (replays from the start of history), started through the admin API. Every query node
-- reads this table: a rebuild in STOPPING makes each node shut the processor down, so that its tokens can be reset;
-- any node finishes a REPLAYING rebuild once the processor's tokens have reached the target position.
CREATE TABLE admin_rebuild (
    rebuild_id        VARCHAR(64)   PRIMARY KEY,
    processor_name    VARCHAR(255)  NOT NULL,
    -- STOPPING, REPLAYING, CAUGHT_UP or FAILED
    state             VARCHAR(20)   NOT NULL,
    requested_by      VARCHAR(100),
    requested_at      TIMESTAMPTZ   NOT NULL,
    replay_started_at TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ,
    -- The event store's head when the tokens were reset: caught up once every segment has passed it.
    target_position   BIGINT,
    -- Events up to the target (the replay's work).
    target_events     BIGINT,
    failure           VARCHAR(2000)
);
-- At most one rebuild of a processor at a time, across all nodes.
CREATE UNIQUE INDEX admin_rebuild_one_active ON admin_rebuild (processor_name) WHERE state IN ('STOPPING', 'REPLAYING');
CREATE INDEX admin_rebuild_requested ON admin_rebuild (requested_at);
