-- Alliances in full: a member's life after admission, the conventions of each alliance, and offerings.

ALTER TABLE rm_alliance_member
    ADD COLUMN suspended_at               TIMESTAMPTZ,
    ADD COLUMN suspension_reason          VARCHAR(500),
    ADD COLUMN reinstated_at              TIMESTAMPTZ,
    ADD COLUMN reinstatement_reason       VARCHAR(500),
    ADD COLUMN expelled_at                TIMESTAMPTZ,
    ADD COLUMN expulsion_reason           VARCHAR(500),
    ADD COLUMN reapplication_banned_until TIMESTAMPTZ,
    ADD COLUMN withdrawn_at               TIMESTAMPTZ,
    ADD COLUMN withdrawal_reason          VARCHAR(500);

-- Every published convention version; the highest ordinal (the publication's sequence number in the alliance's
-- convention stream) is current. Rows are only ever inserted, so a redelivered publication changes nothing.
CREATE TABLE rm_alliance_convention (
    alliance           VARCHAR(30)   NOT NULL,
    convention_version VARCHAR(50)   NOT NULL,
    ordinal            BIGINT        NOT NULL,
    summary            VARCHAR(2000) NOT NULL,
    superseded_version VARCHAR(50),
    published_at       TIMESTAMPTZ   NOT NULL,
    grace_period       VARCHAR(30)   NOT NULL,
    signature_due_by   TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (alliance, convention_version)
);
CREATE UNIQUE INDEX rm_alliance_convention_ordinal ON rm_alliance_convention (alliance, ordinal);

CREATE TABLE rm_offering (
    offering_id       VARCHAR(64)   PRIMARY KEY,
    member_id         VARCHAR(64)   NOT NULL,
    alliance          VARCHAR(30)   NOT NULL,
    organisation_name VARCHAR(100)  NOT NULL,
    station_id        VARCHAR(64)   NOT NULL,
    station_name      VARCHAR(100)  NOT NULL,
    district          VARCHAR(50)   NOT NULL,
    station_point     VARCHAR(30)   NOT NULL,
    project_code      VARCHAR(60)   NOT NULL,
    project_name      VARCHAR(100)  NOT NULL,
    pricing           VARCHAR(20)   NOT NULL,
    price_fen         BIGINT,
    capacity          INTEGER       NOT NULL,
    capacity_period   VARCHAR(20)   NOT NULL,
    schedule          VARCHAR(200),
    offered_at        TIMESTAMPTZ   NOT NULL,
    active            BOOLEAN       NOT NULL DEFAULT TRUE,
    withdrawn_at      TIMESTAMPTZ,
    withdrawal_reason VARCHAR(1000),
    last_sequence     BIGINT        NOT NULL
);
CREATE INDEX rm_offering_station ON rm_offering (station_id, active);
CREATE INDEX rm_offering_member ON rm_offering (member_id, active);
