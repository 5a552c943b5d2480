-- Where the things that commands name belong, for the scope check (SCOPE-RULES.md): needs surveys at their home,
-- referrals at their station and addressed to their centre, allocations of funds to a station (or to a project:
-- no station), social workers at the station they are assigned to (none: unassigned). Stations, service records
-- and units are already in their registries.

CREATE TABLE cmd_needs_survey (
    survey_id         VARCHAR(64)  PRIMARY KEY,
    community_home_id VARCHAR(64)  NOT NULL
);

CREATE TABLE cmd_referral (
    referral_id VARCHAR(64) PRIMARY KEY,
    station_id  VARCHAR(64) NOT NULL,
    centre      VARCHAR(40) NOT NULL
);

CREATE TABLE cmd_fund_allocation (
    fund_id       VARCHAR(64) NOT NULL,
    allocation_id VARCHAR(64) NOT NULL,
    station_id    VARCHAR(64),
    PRIMARY KEY (fund_id, allocation_id)
);

CREATE TABLE cmd_social_worker (
    social_worker_id VARCHAR(64) PRIMARY KEY,
    station_id       VARCHAR(64)
);

-- What was recorded before these tables existed is copied in from the event store, as the handlers would have
-- written it. Idempotent.
INSERT INTO cmd_needs_survey (survey_id, community_home_id)
SELECT e.p ->> 'surveyId', e.p ->> 'communityHomeId'
FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS p FROM domain_event_entry
      WHERE payload_type = 'org.familystation.events.needs.NeedsSurveyRecorded') e
ON CONFLICT (survey_id) DO NOTHING;

INSERT INTO cmd_referral (referral_id, station_id, centre)
SELECT e.p ->> 'referralId', e.p ->> 'stationId', e.p ->> 'centre'
FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS p FROM domain_event_entry
      WHERE payload_type = 'org.familystation.events.referral.CaseReferred') e
ON CONFLICT (referral_id) DO NOTHING;

INSERT INTO cmd_fund_allocation (fund_id, allocation_id, station_id)
SELECT e.p ->> 'fundId', e.p ->> 'allocationId', e.p ->> 'stationId'
FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS p FROM domain_event_entry
      WHERE payload_type = 'org.familystation.events.funding.FundsAllocated') e
ON CONFLICT (fund_id, allocation_id) DO NOTHING;

INSERT INTO cmd_social_worker (social_worker_id)
SELECT aggregate_identifier FROM domain_event_entry
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
