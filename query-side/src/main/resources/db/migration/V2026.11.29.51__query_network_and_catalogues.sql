-- Read models of the network's units and catalogues, and the station lifecycle.

CREATE TABLE rm_org_unit (
    unit_id        VARCHAR(64)  PRIMARY KEY,
    level          VARCHAR(30)  NOT NULL,
    name           VARCHAR(100) NOT NULL,
    parent_id      VARCHAR(64),
    district       VARCHAR(50),
    tier           VARCHAR(30),
    established_at TIMESTAMPTZ  NOT NULL,
    rerated_at     TIMESTAMPTZ,
    last_sequence  BIGINT       NOT NULL
);
CREATE INDEX rm_org_unit_level ON rm_org_unit (level, district);
CREATE INDEX rm_org_unit_parent ON rm_org_unit (parent_id);

CREATE TABLE rm_catalogue_entry (
    kind          VARCHAR(30)   NOT NULL,
    code          VARCHAR(60)   NOT NULL,
    name          VARCHAR(50)   NOT NULL,
    station_point VARCHAR(30),
    added_at      TIMESTAMPTZ   NOT NULL,
    retired       BOOLEAN       NOT NULL DEFAULT FALSE,
    retired_at    TIMESTAMPTZ,
    retire_reason VARCHAR(1000),
    PRIMARY KEY (kind, code)
);

ALTER TABLE rm_station ADD COLUMN status_reason VARCHAR(1000);
ALTER TABLE rm_station ADD COLUMN status_changed_at TIMESTAMPTZ;

CREATE TABLE rm_station_specialty (
    station_id VARCHAR(64) NOT NULL,
    code       VARCHAR(60) NOT NULL,
    name       VARCHAR(50) NOT NULL,
    added_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (station_id, code)
);
