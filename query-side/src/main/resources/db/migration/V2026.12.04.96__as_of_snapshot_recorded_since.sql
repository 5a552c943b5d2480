-- What an answer in recorded time may leave unread (query/asof/NetworkSnapshots#toRead): the fold's events after
-- since_index up to global_index were all recorded at or after earliest_recorded_at (null: there were none), so an
-- answer as of an earlier instant skips that range instead of reading the store to its end. Null since_index: not
-- known (snapshots taken before these columns); nothing is skipped for them.
ALTER TABLE as_of_snapshot ADD COLUMN since_index BIGINT, ADD COLUMN earliest_recorded_at TIMESTAMPTZ;
