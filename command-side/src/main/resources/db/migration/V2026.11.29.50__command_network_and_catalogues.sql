-- Registries for the network's organisation units and the catalogues (see V2026.11.29.10 for what registries are).

CREATE TABLE cmd_org_unit (
    unit_id   VARCHAR(64)  PRIMARY KEY,
    level     VARCHAR(30)  NOT NULL,
    name      VARCHAR(100) NOT NULL,
    parent_id VARCHAR(64),
    district  VARCHAR(50),
    tier      VARCHAR(30)
);
-- There is one federation: a second one racing the first fails here.
CREATE UNIQUE INDEX cmd_org_unit_one_federation ON cmd_org_unit (level) WHERE level = 'FEDERATION';

CREATE TABLE cmd_catalogue_entry (
    kind          VARCHAR(30)  NOT NULL,
    code          VARCHAR(60)  NOT NULL,
    name          VARCHAR(50)  NOT NULL,
    station_point VARCHAR(30),
    retired       BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (kind, code)
);

-- A closed station frees its community home for a new one.
ALTER TABLE cmd_station DROP CONSTRAINT cmd_station_community_home_id_key;
CREATE UNIQUE INDEX cmd_station_one_per_home ON cmd_station (community_home_id) WHERE status <> 'CLOSED';
