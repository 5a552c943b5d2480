-- Alliances in full: published convention versions, the membership lifecycle after admission, and offerings.

-- The convention versions each alliance has published; the highest ordinal (the publication's sequence number in
-- the alliance's convention stream) is the current one.
CREATE TABLE cmd_alliance_convention (
    alliance           VARCHAR(30) NOT NULL,
    convention_version VARCHAR(50) NOT NULL,
    ordinal            BIGINT      NOT NULL,
    PRIMARY KEY (alliance, convention_version)
);

-- The latest version a member signed (who still owes the current one), and the end of an expelled organisation's
-- ban on applying again.
ALTER TABLE cmd_alliance_member
    ADD COLUMN signed_convention_version  VARCHAR(50),
    ADD COLUMN reapplication_banned_until TIMESTAMPTZ;
-- A suspended member is still a member: its organisation may not apply again while it is one.
DROP INDEX cmd_alliance_member_live_credit_code;
CREATE UNIQUE INDEX cmd_alliance_member_live_credit_code ON cmd_alliance_member (alliance, credit_code)
    WHERE status IN ('APPLIED', 'APPROVED', 'ADMITTED', 'SUSPENDED');
CREATE INDEX cmd_alliance_member_credit_code ON cmd_alliance_member (alliance, credit_code);
CREATE INDEX cmd_alliance_member_status ON cmd_alliance_member (alliance, status);

-- What each member offers where: recording a service by a member reads one row of this table.
CREATE TABLE cmd_offering (
    offering_id  VARCHAR(64) PRIMARY KEY,
    member_id    VARCHAR(64) NOT NULL,
    station_id   VARCHAR(64) NOT NULL,
    project_code VARCHAR(60) NOT NULL,
    active       BOOLEAN     NOT NULL
);
-- One active offering per member, station and project; a withdrawn one may be offered again.
CREATE UNIQUE INDEX cmd_offering_active ON cmd_offering (member_id, station_id, project_code) WHERE active;
