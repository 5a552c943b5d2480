-- The people a service record names (social workers, staff, volunteers with minutes) in the people read models, so
-- services per social worker and volunteer hours per service follow from the record, and a voided service counts
-- in no total.

-- Each service record as the people read models need it: where and when, and whether it stands.
CREATE TABLE rm_service_people (
    service_record_id VARCHAR(64)  PRIMARY KEY,
    station_id        VARCHAR(64)  NOT NULL,
    station_name      VARCHAR(100) NOT NULL,
    district          VARCHAR(50)  NOT NULL,
    project_code      VARCHAR(60)  NOT NULL,
    project_name      VARCHAR(100) NOT NULL,
    provider_kind     VARCHAR(30)  NOT NULL,
    delivered_at      TIMESTAMPTZ  NOT NULL,
    voided            BOOLEAN      NOT NULL DEFAULT FALSE,
    last_sequence     BIGINT       NOT NULL
);
CREATE INDEX rm_service_people_station ON rm_service_people (station_id, delivered_at);

-- The social workers and staff a service names (volunteers are in rm_volunteer_hours with their minutes).
CREATE TABLE rm_service_person (
    service_record_id VARCHAR(64) NOT NULL,
    person_kind       VARCHAR(20) NOT NULL,
    person_id         VARCHAR(64) NOT NULL,
    PRIMARY KEY (service_record_id, person_kind, person_id)
);
CREATE INDEX rm_service_person_person ON rm_service_person (person_kind, person_id);

-- A volunteer's time on a service comes from RecordVolunteerHours ('HOURS') or from the service record naming them
-- ('SERVICE'); time on a voided service stays listed here but counts in no total.
ALTER TABLE rm_volunteer_hours ADD COLUMN source VARCHAR(10) NOT NULL DEFAULT 'HOURS';
ALTER TABLE rm_volunteer_hours ADD COLUMN voided BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE rm_volunteer_hours DROP CONSTRAINT rm_volunteer_hours_pkey;
ALTER TABLE rm_volunteer_hours ADD PRIMARY KEY (volunteer_id, service_record_id, source);
CREATE INDEX rm_volunteer_hours_service ON rm_volunteer_hours (service_record_id);
-- The counters are recomputed from rm_volunteer_hours, whose rows may arrive before the volunteer's registration.
ALTER TABLE rm_volunteer_hours_stats ALTER COLUMN volunteer_name DROP NOT NULL;
ALTER TABLE rm_volunteer_hours_stats ALTER COLUMN volunteer_number DROP NOT NULL;

-- Hours recorded on services voided before this migration leave the totals now (a rebuild gives the same).
UPDATE rm_volunteer_hours h SET voided = TRUE
FROM rm_service_record r WHERE r.service_record_id = h.service_record_id AND r.voided;
UPDATE rm_volunteer v
SET minutes = coalesce(t.minutes, 0), services = coalesce(t.services, 0)
FROM (SELECT volunteer_id, sum(minutes) AS minutes, count(DISTINCT service_record_id) AS services
      FROM rm_volunteer_hours WHERE NOT voided GROUP BY volunteer_id) t
WHERE v.volunteer_id = t.volunteer_id;
DELETE FROM rm_volunteer_hours_stats s
WHERE NOT EXISTS (SELECT 1 FROM rm_volunteer_hours h WHERE NOT h.voided AND h.volunteer_id = s.volunteer_id
                  AND h.station_id = s.station_id AND h.month = s.month);
UPDATE rm_volunteer_hours_stats s
SET minutes = t.minutes, services = t.services
FROM (SELECT volunteer_id, station_id, month, sum(minutes) AS minutes, count(DISTINCT service_record_id) AS services
      FROM rm_volunteer_hours WHERE NOT voided GROUP BY volunteer_id, station_id, month) t
WHERE s.volunteer_id = t.volunteer_id AND s.station_id = t.station_id AND s.month = t.month;

-- Services recorded before this migration named no registered people: only where, when and whether they stand.
INSERT INTO rm_service_people (service_record_id, station_id, station_name, district, project_code, project_name,
                               provider_kind, delivered_at, voided, last_sequence)
SELECT service_record_id, station_id, station_name, district, project_code, project_name, provider_kind,
       delivered_at, voided, 0
FROM rm_service_record
ON CONFLICT (service_record_id) DO NOTHING;
