-- Read models of people: social workers and where they serve, federation staff, volunteers and their hours.

CREATE TABLE rm_social_worker (
    social_worker_id    VARCHAR(64)   PRIMARY KEY,
    name                VARCHAR(50)   NOT NULL,
    phone               VARCHAR(30),
    qualification       VARCHAR(30),
    headquarters_id     VARCHAR(64)   NOT NULL,
    headquarters_name   VARCHAR(100)  NOT NULL,
    recruited_at        TIMESTAMPTZ   NOT NULL,
    -- The station the social worker is assigned to now (null when not assigned).
    station_id          VARCHAR(64),
    station_name        VARCHAR(100),
    district            VARCHAR(50),
    assigned_at         TIMESTAMPTZ,
    -- The end of the last assignment.
    released_at         TIMESTAMPTZ,
    release_reason      VARCHAR(1000),
    last_sequence       BIGINT        NOT NULL
);
CREATE INDEX rm_social_worker_station ON rm_social_worker (station_id);

CREATE TABLE rm_federation_staff (
    staff_id      VARCHAR(64)  PRIMARY KEY,
    name          VARCHAR(50)  NOT NULL,
    phone         VARCHAR(30),
    unit_id       VARCHAR(64)  NOT NULL,
    unit_name     VARCHAR(100) NOT NULL,
    unit_level    VARCHAR(30)  NOT NULL,
    district      VARCHAR(50),
    registered_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX rm_federation_staff_unit ON rm_federation_staff (unit_id);

-- Volunteers with the totals of their hours (whole minutes).
CREATE TABLE rm_volunteer (
    volunteer_id     VARCHAR(64)  PRIMARY KEY,
    name             VARCHAR(50)  NOT NULL,
    volunteer_number VARCHAR(30)  NOT NULL,
    phone            VARCHAR(30),
    home_unit_id     VARCHAR(64),
    home_unit_name   VARCHAR(100),
    district         VARCHAR(50),
    registered_at    TIMESTAMPTZ  NOT NULL,
    minutes          BIGINT       NOT NULL DEFAULT 0,
    services         INTEGER      NOT NULL DEFAULT 0,
    last_sequence    BIGINT       NOT NULL
);
CREATE INDEX rm_volunteer_number ON rm_volunteer (volunteer_number);
CREATE INDEX rm_volunteer_home ON rm_volunteer (home_unit_id);

-- Each volunteer's hours on each service they helped deliver (month of delivery in the users' calendar).
CREATE TABLE rm_volunteer_hours (
    volunteer_id      VARCHAR(64)  NOT NULL,
    service_record_id VARCHAR(64)  NOT NULL,
    station_id        VARCHAR(64)  NOT NULL,
    station_name      VARCHAR(100) NOT NULL,
    district          VARCHAR(50)  NOT NULL,
    project_code      VARCHAR(60)  NOT NULL,
    project_name      VARCHAR(100) NOT NULL,
    delivered_at      TIMESTAMPTZ  NOT NULL,
    month             CHAR(7)      NOT NULL,
    minutes           INTEGER      NOT NULL,
    recorded_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (volunteer_id, service_record_id)
);
CREATE INDEX rm_volunteer_hours_volunteer ON rm_volunteer_hours (volunteer_id, delivered_at DESC);

-- Dashboard counters of volunteer hours per volunteer, station and month, kept with rm_volunteer_hours.
CREATE TABLE rm_volunteer_hours_stats (
    volunteer_id     VARCHAR(64)  NOT NULL,
    station_id       VARCHAR(64)  NOT NULL,
    month            CHAR(7)      NOT NULL,
    volunteer_name   VARCHAR(50)  NOT NULL,
    volunteer_number VARCHAR(30)  NOT NULL,
    station_name     VARCHAR(100) NOT NULL,
    district         VARCHAR(50)  NOT NULL,
    minutes          BIGINT       NOT NULL,
    services         BIGINT       NOT NULL,
    PRIMARY KEY (volunteer_id, station_id, month)
);
CREATE INDEX rm_volunteer_hours_stats_district ON rm_volunteer_hours_stats (district, month);
CREATE INDEX rm_volunteer_hours_stats_station ON rm_volunteer_hours_stats (station_id, month);
