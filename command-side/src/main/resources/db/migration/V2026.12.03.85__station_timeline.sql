-- A station's dated changes (business time: when they happened, as the user said), so that rules of other
-- aggregates can ask what the station was at a date (a service is delivered while the station was open, at a point
-- active then). Written by the station registry's handler; one row per station event, keyed by its sequence.

CREATE TABLE cmd_station_change (
    station_id      VARCHAR(64)  NOT NULL,
    sequence_number BIGINT       NOT NULL,
    change          VARCHAR(20)  NOT NULL,
    points          VARCHAR(200),
    effective_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (station_id, sequence_number)
);

-- Stations opened before this table existed: their changes are written by replaying the event store through the
-- station registry's handlers at start-up (command/common/RegistryRebuild): see docs/design/registry-rebuild.md.
