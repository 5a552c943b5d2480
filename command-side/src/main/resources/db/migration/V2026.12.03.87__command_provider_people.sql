-- The registry of federation staff and their units, for the people a service record names (see V2026.11.29.10 for
-- what registries are). Social workers and their stations are in cmd_social_worker (V2026.12.03.10), volunteers in
-- cmd_volunteer.

CREATE TABLE cmd_federation_staff (
    staff_id   VARCHAR(64) PRIMARY KEY,
    unit_id    VARCHAR(64) NOT NULL,
    unit_level VARCHAR(30) NOT NULL,
    -- Null above district level.
    district   VARCHAR(50)
);

-- Staff registered before this registry existed are copied in from the event store, as its handler would have
-- written them (ids and units are never sealed personal data).
INSERT INTO cmd_federation_staff (staff_id, unit_id, unit_level, district)
SELECT e.aggregate_identifier, e.p ->> 'unitId', e.p ->> 'unitLevel', e.p ->> 'district'
FROM (SELECT aggregate_identifier, convert_from(payload, 'UTF8')::jsonb AS p FROM domain_event_entry
      WHERE payload_type = 'org.familystation.events.people.FederationStaffRegistered') e
ON CONFLICT (staff_id) DO NOTHING;
