-- The audit trail's rows were kept unique by event id too (rm_audit_event_event_id_key), for the projection to skip
-- an event delivered again. The global index it stores is the event store's, read from the store's row for that
-- event id (AuditTrailProjection), so the primary key on it already holds a row per event, and the projection now
-- skips a redelivered event by it. The index cost an insert per event and 57 bytes per event on disk (63 MB at
-- 1.1M events, 3% of the trail); nothing reads the trail by event id.
ALTER TABLE rm_audit_event DROP CONSTRAINT rm_audit_event_event_id_key;
