-- Service records recorded before cmd_service_record existed are copied in from the event store, as the
-- registry's handler would have written them: the recording, then the latest correction, then any voiding.
-- Idempotent, so running it again over a kept registry changes nothing.

INSERT INTO cmd_service_record (service_record_id, station_id, station_name, district, project_code, project_name,
                                delivered_at)
SELECT e.p ->> 'serviceRecordId', e.p ->> 'stationId', e.p ->> 'stationName', e.p ->> 'district',
       e.p -> 'details' ->> 'projectCode', e.p -> 'details' ->> 'projectName',
       (e.p -> 'details' ->> 'deliveredAt')::timestamptz
FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS p FROM domain_event_entry
      WHERE payload_type = 'org.familystation.events.servicerecord.ServiceRecorded') e
ON CONFLICT (service_record_id) DO NOTHING;

UPDATE cmd_service_record r
SET project_code = c.p -> 'corrected' ->> 'projectCode',
    project_name = c.p -> 'corrected' ->> 'projectName',
    delivered_at = (c.p -> 'corrected' ->> 'deliveredAt')::timestamptz
FROM (SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, convert_from(payload, 'UTF8')::jsonb AS p
      FROM domain_event_entry
      WHERE payload_type = 'org.familystation.events.servicerecord.ServiceRecordCorrected'
      ORDER BY aggregate_identifier, sequence_number DESC) c
WHERE r.service_record_id = c.aggregate_identifier;

UPDATE cmd_service_record SET voided = TRUE
WHERE service_record_id IN (SELECT aggregate_identifier FROM domain_event_entry
                            WHERE payload_type = 'org.familystation.events.servicerecord.ServiceRecordVoided');
