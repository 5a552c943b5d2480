-- The audit trail kept a copy of every event: its id, payload, metadata, full type and sequence number, all of which
-- the event store holds in its own row under the same global index. It now keeps only what it is filtered and
-- ordered by, and an entry is that row joined to the store's by its primary key (the view rm_audit_entry). A row of
-- the trail is about a fifth of what it was, and appending one maintains no unique index on random event ids.
--
-- The reason (a payload field, never filtered on) is read from the payload when an entry is shown, and secret
-- fields are taken out of the payload then too (SecretFields), as the history of an entity already does.
--
-- Dropping columns frees no space by itself: the rows written before keep it until they are rewritten (a replay of
-- the trail truncates it; VACUUM FULL rm_audit_event does it in place, locking the table while it runs).

ALTER TABLE rm_audit_event
    DROP COLUMN event_id,
    DROP COLUMN payload_type,
    DROP COLUMN sequence_number,
    DROP COLUMN reason,
    DROP COLUMN payload,
    DROP COLUMN metadata;

-- A LEFT JOIN on the store's primary key: a count over the trail's own columns leaves the store out altogether
-- (PostgreSQL removes a join that cannot change the rows), a page joins only the rows it returns.
CREATE VIEW rm_audit_entry AS
SELECT trail.global_index,
       stored.event_identifier                AS event_id,
       trail.occurred_at,
       trail.event_type,
       stored.payload_type,
       trail.aggregate_type,
       trail.aggregate_id,
       stored.sequence_number,
       trail.user_id,
       trail.unit_id,
       trail.correlation_id,
       trail.causation_id,
       convert_from(stored.payload, 'UTF8')   AS payload,
       convert_from(stored.meta_data, 'UTF8') AS metadata
  FROM rm_audit_event trail
  LEFT JOIN domain_event_entry stored ON stored.global_index = trail.global_index;
