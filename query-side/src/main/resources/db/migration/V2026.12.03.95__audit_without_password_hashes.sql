-- The audit trail stored account events' payloads whole, password hashes included, for auditors to read. It keeps
-- them without (SecretFields.stripped, the same pattern): clean the rows written before.
UPDATE rm_audit_event
   SET payload = regexp_replace(payload::text,
           '"passwordHash":(null|"[^"\\]*"),|,?"passwordHash":(null|"[^"\\]*")', '', 'g')::json
 WHERE payload::text LIKE '%"passwordHash"%';
