-- Who read a referral's case in full (the one-referral endpoint, with the summary), and when: kept for auditors
-- (GET /api/audit/case-reads). Not a read model: it is written by reads, not by events, so replays never touch it.

CREATE TABLE case_read_log (
    id             BIGSERIAL    PRIMARY KEY,
    referral_id    VARCHAR(64)  NOT NULL,
    username       VARCHAR(100) NOT NULL,
    unit_id        VARCHAR(100),
    roles          VARCHAR(200) NOT NULL,
    read_at        TIMESTAMPTZ  NOT NULL,
    correlation_id VARCHAR(100)
);
CREATE INDEX case_read_log_referral ON case_read_log (referral_id, read_at);
CREATE INDEX case_read_log_user ON case_read_log (username, read_at);
