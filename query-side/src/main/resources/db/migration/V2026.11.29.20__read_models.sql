-- Read models of the query side. Every row remembers the sequence number of the last event of its aggregate that
-- it reflects (last_sequence), so a redelivered event changes nothing: projections are idempotent.

CREATE TABLE rm_station (
    station_id          VARCHAR(64)  PRIMARY KEY,
    community_home_id   VARCHAR(100) NOT NULL,
    community_home_name VARCHAR(100) NOT NULL,
    station_name        VARCHAR(100) NOT NULL,
    district            VARCHAR(50)  NOT NULL,
    home_tier           VARCHAR(30)  NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    active_points       VARCHAR(200) NOT NULL,
    opened_at           TIMESTAMPTZ  NOT NULL,
    last_sequence       BIGINT       NOT NULL
);
CREATE INDEX rm_station_district ON rm_station (district, home_tier, status);

CREATE TABLE rm_alliance_member (
    member_id            VARCHAR(64)   PRIMARY KEY,
    alliance             VARCHAR(30)   NOT NULL,
    organisation_name    VARCHAR(100)  NOT NULL,
    organisation_type    VARCHAR(30)   NOT NULL,
    credit_code          CHAR(18)      NOT NULL,
    contact_person       VARCHAR(50),
    contact_phone        VARCHAR(50),
    status               VARCHAR(20)   NOT NULL,
    applied_at           TIMESTAMPTZ   NOT NULL,
    reviewed_at          TIMESTAMPTZ,
    review_notes         VARCHAR(1000),
    convention_version   VARCHAR(50),
    convention_signed_at TIMESTAMPTZ,
    signatory            VARCHAR(50),
    admitted_at          TIMESTAMPTZ,
    last_sequence        BIGINT        NOT NULL
);
CREATE INDEX rm_alliance_member_alliance ON rm_alliance_member (alliance, status);

CREATE TABLE rm_service_record (
    service_record_id  VARCHAR(64)   PRIMARY KEY,
    station_id         VARCHAR(64)   NOT NULL,
    station_name       VARCHAR(100)  NOT NULL,
    district           VARCHAR(50)   NOT NULL,
    station_point      VARCHAR(30)   NOT NULL,
    project_code       VARCHAR(60)   NOT NULL,
    project_name       VARCHAR(100)  NOT NULL,
    provider_kind      VARCHAR(30)   NOT NULL,
    provider_member_id VARCHAR(64),
    provider_name      VARCHAR(100)  NOT NULL,
    delivered_at       TIMESTAMPTZ   NOT NULL,
    participant_count  INTEGER       NOT NULL,
    description        VARCHAR(4000) NOT NULL,
    outcome            VARCHAR(1000),
    satisfaction       SMALLINT,
    feedback           VARCHAR(1000),
    recorded_at        TIMESTAMPTZ   NOT NULL,
    correction_count   INTEGER       NOT NULL DEFAULT 0,
    voided             BOOLEAN       NOT NULL DEFAULT FALSE,
    void_reason        VARCHAR(1000),
    last_sequence      BIGINT        NOT NULL
);
CREATE INDEX rm_service_record_station ON rm_service_record (station_id, delivered_at DESC);

-- Dashboard counters of services that stand (not voided), per district, station point, project and month
-- (month in Asia/Shanghai, the users' calendar). Kept by the same projection, in the same transaction, as
-- rm_service_record, so they always agree with it.
CREATE TABLE rm_service_stats (
    district           VARCHAR(50)  NOT NULL,
    station_point      VARCHAR(30)  NOT NULL,
    project_code       VARCHAR(60)  NOT NULL,
    project_name       VARCHAR(100) NOT NULL,
    month              CHAR(7)      NOT NULL,
    services           BIGINT       NOT NULL,
    participants       BIGINT       NOT NULL,
    satisfaction_sum   BIGINT       NOT NULL,
    satisfaction_count BIGINT       NOT NULL,
    PRIMARY KEY (district, station_point, project_code, month)
);
