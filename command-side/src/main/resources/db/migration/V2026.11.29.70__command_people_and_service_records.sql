-- Registries for people and for service records (see V2026.11.29.10 for what registries are).

-- A volunteer number is unique across the city: a second registration racing the first fails here.
CREATE TABLE cmd_volunteer (
    volunteer_id     VARCHAR(64) PRIMARY KEY,
    volunteer_number VARCHAR(30) NOT NULL UNIQUE
);

-- Service records as volunteer hours need them: where and when the service was, what project, whether it stands.
CREATE TABLE cmd_service_record (
    service_record_id VARCHAR(64)  PRIMARY KEY,
    station_id        VARCHAR(64)  NOT NULL,
    station_name      VARCHAR(100) NOT NULL,
    district          VARCHAR(50)  NOT NULL,
    project_code      VARCHAR(60)  NOT NULL,
    project_name      VARCHAR(100) NOT NULL,
    delivered_at      TIMESTAMPTZ  NOT NULL,
    voided            BOOLEAN      NOT NULL DEFAULT FALSE
);
