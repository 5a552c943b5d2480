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

-- What was recorded before these tables existed is written by replaying the event store through the place
-- registry's handlers at start-up (command/common/RegistryRebuild): see docs/design/registry-rebuild.md.
