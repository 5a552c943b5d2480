-- The deliveries of a snapshot's standing records (query/asof/ServiceTallies), which a business-time answer counts
-- the month of its date by: kept only in the latest snapshot (the one those answers start from), so that the others
-- hold tallies whose size does not grow with the history. Null: not kept.
ALTER TABLE as_of_snapshot ADD COLUMN deliveries BYTEA;
