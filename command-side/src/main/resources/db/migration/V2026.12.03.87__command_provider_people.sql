-- Registries of the people a service record names (see V2026.11.29.10 for what registries are): each social worker
-- with the station they serve now, each federation staff member with their unit. Volunteers are in cmd_volunteer.

CREATE TABLE cmd_social_worker (
    social_worker_id VARCHAR(64) PRIMARY KEY,
    -- The station the social worker is assigned to now; null when not assigned.
    station_id       VARCHAR(64)
);
CREATE INDEX cmd_social_worker_station ON cmd_social_worker (station_id);

CREATE TABLE cmd_federation_staff (
    staff_id   VARCHAR(64) PRIMARY KEY,
    unit_id    VARCHAR(64) NOT NULL,
    unit_level VARCHAR(30) NOT NULL,
    -- Null above district level.
    district   VARCHAR(50)
);

-- People registered before these registries existed are copied in from the event store, as the registries'
-- handlers would have written them (ids, units and stations are never sealed personal data).
INSERT INTO cmd_social_worker (social_worker_id)
SELECT DISTINCT aggregate_identifier FROM domain_event_entry
WHERE payload_type = 'org.familystation.events.people.SocialWorkerRecruited'
ON CONFLICT (social_worker_id) DO NOTHING;

UPDATE cmd_social_worker w
SET station_id = CASE WHEN last.payload_type LIKE '%.SocialWorkerAssigned' THEN last.p ->> 'stationId' END
FROM (SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, payload_type,
             convert_from(payload, 'UTF8')::jsonb AS p
      FROM domain_event_entry
      WHERE payload_type IN ('org.familystation.events.people.SocialWorkerAssigned',
                             'org.familystation.events.people.SocialWorkerReleased')
      ORDER BY aggregate_identifier, sequence_number DESC) last
WHERE w.social_worker_id = last.aggregate_identifier;

INSERT INTO cmd_federation_staff (staff_id, unit_id, unit_level, district)
SELECT e.aggregate_identifier, e.p ->> 'unitId', e.p ->> 'unitLevel', e.p ->> 'district'
FROM (SELECT aggregate_identifier, convert_from(payload, 'UTF8')::jsonb AS p FROM domain_event_entry
      WHERE payload_type = 'org.familystation.events.people.FederationStaffRegistered') e
ON CONFLICT (staff_id) DO NOTHING;
