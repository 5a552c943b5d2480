-- The deliveries of the as-of snapshots' standing records (query/asof/DeliveryMonths), which a business-time answer
-- counts the month of its date by: a row per month and snapshot that changed it, either the month's deliveries then
-- (whole) or the changes since the row before, instead of every delivery in one value of the latest snapshot (which
-- a node then read and kept whole: memory that grew with the history). The snapshots that hold them are marked.
CREATE TABLE as_of_delivery (
    fold_version TEXT    NOT NULL,
    month        TEXT    NOT NULL,
    global_index BIGINT  NOT NULL,
    whole        BOOLEAN NOT NULL,
    deliveries   BYTEA   NOT NULL,
    PRIMARY KEY (fold_version, month, global_index)
);

ALTER TABLE as_of_snapshot DROP COLUMN deliveries;
ALTER TABLE as_of_snapshot ADD COLUMN holds_deliveries BOOLEAN NOT NULL DEFAULT false;
