-- The command side's registries: the little it must know across aggregates to decide (set-based rules such as
-- "one station per community home"). Written by subscribing handlers in the same transaction that appends the
-- events, so they are never behind the event store; the unique indexes settle races between nodes.

CREATE TABLE cmd_station (
    station_id        VARCHAR(64)  PRIMARY KEY,
    community_home_id VARCHAR(100) NOT NULL UNIQUE,
    station_name      VARCHAR(100) NOT NULL,
    district          VARCHAR(50)  NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    active_points     VARCHAR(200) NOT NULL
);

CREATE TABLE cmd_alliance_member (
    member_id         VARCHAR(64)  PRIMARY KEY,
    alliance          VARCHAR(30)  NOT NULL,
    credit_code       CHAR(18)     NOT NULL,
    organisation_name VARCHAR(100) NOT NULL,
    status            VARCHAR(20)  NOT NULL
);
-- One live application or membership per organisation and alliance; rejected ones may apply again.
CREATE UNIQUE INDEX cmd_alliance_member_live_credit_code ON cmd_alliance_member (alliance, credit_code)
    WHERE status IN ('APPLIED', 'APPROVED', 'ADMITTED');
