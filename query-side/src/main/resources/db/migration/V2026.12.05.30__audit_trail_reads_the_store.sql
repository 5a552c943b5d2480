-- The audit trail kept a copy of every event: its id, payload, metadata, full type and sequence number, all of which
-- the event store holds in its own row under the same global index. It now keeps only what it is filtered and
-- ordered by (who, which unit, which request, which entity, which type, when), and an entry is that row joined to
-- the store's by its primary key (the view rm_audit_entry). A row of the trail is about a fifth of what it was, and
-- PostgreSQL no longer parses every payload again to store it.
--
-- What an auditor sees does not change: the application reads the store's payload through the upcasters, as its
-- processors do, takes the secret fields out and reads the reason from it as an entry is shown
-- (query/audit/AuditEntries).
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
-- (PostgreSQL removes a join that cannot change the rows), a page joins only the rows it returns. The store's columns
-- keep its names and types (bytes, as Axon wrote them): the application reads them as Axon's event store would.
CREATE VIEW rm_audit_entry AS
SELECT trail.global_index,
       trail.occurred_at,
       trail.event_type,
       trail.aggregate_type,
       trail.aggregate_id,
       trail.user_id,
       trail.unit_id,
       trail.correlation_id,
       trail.causation_id,
       stored.event_identifier,
       stored.type,
       stored.aggregate_identifier,
       stored.sequence_number,
       stored.time_stamp,
       stored.payload_type,
       stored.payload_revision,
       stored.payload,
       stored.meta_data
  FROM rm_audit_event trail
  LEFT JOIN domain_event_entry stored ON stored.global_index = trail.global_index;
