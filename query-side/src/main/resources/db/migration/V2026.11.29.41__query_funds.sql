-- Read models of money (DOMAIN.md §6), kept by the funding projection. Amounts are integer fen (BIGINT), never
-- floating point. A fund's row remembers the sequence number of the last event of the fund it reflects
-- (last_sequence) and is the gate for every write an event causes, so a redelivered event changes nothing.

-- One receipt of funds. allocated_fen is what its allocations hold now (money released back is not counted).
CREATE TABLE rm_fund (
    fund_id         VARCHAR(64)   PRIMARY KEY,
    source          VARCHAR(40)   NOT NULL,
    donor           VARCHAR(100)  NOT NULL,
    note            VARCHAR(1000),
    received_at     TIMESTAMPTZ   NOT NULL,
    recorded_at     TIMESTAMPTZ   NOT NULL,
    received_fen    BIGINT        NOT NULL,
    allocated_fen   BIGINT        NOT NULL DEFAULT 0,
    spent_fen       BIGINT        NOT NULL DEFAULT 0,
    unallocated_fen BIGINT        GENERATED ALWAYS AS (received_fen - allocated_fen) STORED,
    last_sequence   BIGINT        NOT NULL
);
CREATE INDEX rm_fund_received ON rm_fund (received_at DESC, fund_id);
CREATE INDEX rm_fund_source ON rm_fund (source, received_at DESC, fund_id);

-- One allocation of a fund, to a station (station_id, with its name and district at the time) or to a service
-- project (project_code). allocated_fen is what it holds now: spent_fen + remaining_fen; a release moves the
-- remainder to released_fen.
CREATE TABLE rm_fund_allocation (
    fund_id        VARCHAR(64)   NOT NULL,
    allocation_id  VARCHAR(64)   NOT NULL,
    source         VARCHAR(40)   NOT NULL,
    station_id     VARCHAR(64),
    station_name   VARCHAR(100),
    district       VARCHAR(50),
    project_code   VARCHAR(60),
    project_name   VARCHAR(100),
    note           VARCHAR(1000),
    allocated_at   TIMESTAMPTZ   NOT NULL,
    allocated_fen  BIGINT        NOT NULL,
    spent_fen      BIGINT        NOT NULL DEFAULT 0,
    remaining_fen  BIGINT        GENERATED ALWAYS AS (allocated_fen - spent_fen) STORED,
    released_fen   BIGINT        NOT NULL DEFAULT 0,
    released       BOOLEAN       NOT NULL DEFAULT FALSE,
    release_reason VARCHAR(1000),
    released_at    TIMESTAMPTZ,
    PRIMARY KEY (fund_id, allocation_id)
);
CREATE INDEX rm_fund_allocation_station ON rm_fund_allocation (station_id, allocated_at DESC)
    WHERE station_id IS NOT NULL;

CREATE TABLE rm_fund_expenditure (
    fund_id        VARCHAR(64)   NOT NULL,
    allocation_id  VARCHAR(64)   NOT NULL,
    expenditure_id VARCHAR(64)   NOT NULL,
    amount_fen     BIGINT        NOT NULL,
    purpose        VARCHAR(500)  NOT NULL,
    spent_at       TIMESTAMPTZ   NOT NULL,
    voucher_number VARCHAR(50),
    recorded_at    TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (fund_id, expenditure_id)
);
CREATE INDEX rm_fund_expenditure_allocation ON rm_fund_expenditure (fund_id, allocation_id, spent_at);

-- Counters of the funding mix, per source, month (Asia/Shanghai, the users' calendar) and district: received by
-- the month funds were received, allocated by the month of the allocation (net of releases), spent by the month
-- of the expenditure. Money received, and allocations to projects, belong to no district: district is '' there.
CREATE TABLE rm_funding_stats (
    source        VARCHAR(40)  NOT NULL,
    month         CHAR(7)      NOT NULL,
    district      VARCHAR(50)  NOT NULL,
    received_fen  BIGINT       NOT NULL,
    allocated_fen BIGINT       NOT NULL,
    spent_fen     BIGINT       NOT NULL,
    PRIMARY KEY (source, month, district)
);
