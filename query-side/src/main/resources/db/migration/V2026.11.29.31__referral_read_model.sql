-- Referrals from stations to the city centres: one row per referral, its lifecycle dates, and what dashboards
-- need (district, centre, category, status) to be answered by a GROUP BY over this table alone. Free text (the
-- case summary, reasons, outcome) is personal data: only the one-referral endpoint shows it.

CREATE TABLE rm_referral (
    referral_id           VARCHAR(64)   PRIMARY KEY,
    station_id            VARCHAR(64)   NOT NULL,
    station_name          VARCHAR(100)  NOT NULL,
    district              VARCHAR(50)   NOT NULL,
    centre                VARCHAR(40)   NOT NULL,
    category_code         VARCHAR(60)   NOT NULL,
    category_name         VARCHAR(100)  NOT NULL,
    summary               VARCHAR(2000) NOT NULL,
    consent_method        VARCHAR(20)   NOT NULL,
    status                VARCHAR(20)   NOT NULL,
    referred_at           TIMESTAMPTZ   NOT NULL,
    acceptance_due_by     TIMESTAMPTZ   NOT NULL,
    -- when the system flagged the referral as not accepted in time (ReferralAcceptanceOverdue)
    flagged_overdue_at    TIMESTAMPTZ,
    accepted_at           TIMESTAMPTZ,
    declined_at           TIMESTAMPTZ,
    decline_reason        VARCHAR(1000),
    work_started_at       TIMESTAMPTZ,
    resolved_at           TIMESTAMPTZ,
    outcome               VARCHAR(2000),
    closed_at             TIMESTAMPTZ,
    withdrawn_at          TIMESTAMPTZ,
    withdrawal_reason     VARCHAR(1000),
    last_sequence         BIGINT        NOT NULL
);
CREATE INDEX rm_referral_centre ON rm_referral (centre, status, referred_at);
CREATE INDEX rm_referral_district ON rm_referral (district, referred_at);
CREATE INDEX rm_referral_station ON rm_referral (station_id, referred_at);

-- The referrals with "overdue" as of the moment of the query: flagged by the system, or waiting (or having
-- waited) for the centre's answer past the due time. The flag is the recorded fact; the comparison with now()
-- covers the moments between the due time and the flag (a deadline fires when the scheduler next polls, and not
-- while no command node runs).
CREATE VIEW rm_referral_now AS
SELECT r.*,
       (r.flagged_overdue_at IS NOT NULL
           OR r.acceptance_due_by <= coalesce(r.accepted_at, r.declined_at, r.withdrawn_at, now())) AS overdue
FROM rm_referral r;
