-- Read models of needs surveys (see V2026.11.29.20 for last_sequence and idempotent projections).

CREATE TABLE rm_needs_survey (
    survey_id           VARCHAR(64)   PRIMARY KEY,
    community_home_id   VARCHAR(64)   NOT NULL,
    community_home_name VARCHAR(100)  NOT NULL,
    district            VARCHAR(50)   NOT NULL,
    surveyed_on         DATE          NOT NULL,
    channel             VARCHAR(30)   NOT NULL,
    respondent_count    INTEGER       NOT NULL,
    free_text           VARCHAR(4000),
    recorded_at         TIMESTAMPTZ   NOT NULL,
    correction_count    INTEGER       NOT NULL DEFAULT 0,
    voided              BOOLEAN       NOT NULL DEFAULT FALSE,
    void_reason         VARCHAR(1000),
    last_sequence       BIGINT        NOT NULL
);
CREATE INDEX rm_needs_survey_home ON rm_needs_survey (community_home_id, surveyed_on DESC);

-- The needs of each survey as it stands, one row per category.
CREATE TABLE rm_needs_survey_need (
    survey_id     VARCHAR(64) NOT NULL,
    category_code VARCHAR(60) NOT NULL,
    category_name VARCHAR(50) NOT NULL,
    need_count    INTEGER     NOT NULL,
    PRIMARY KEY (survey_id, category_code)
);

-- Dashboard counters of surveys that stand (not voided), per district and month of the survey day, kept by the
-- same projection in the same transaction as the surveys: how many respondents named each category (and in how
-- many surveys), and how many surveys and respondents there were.
CREATE TABLE rm_needs_stats (
    district      VARCHAR(50) NOT NULL,
    category_code VARCHAR(60) NOT NULL,
    category_name VARCHAR(50) NOT NULL,
    month         CHAR(7)     NOT NULL,
    needs         BIGINT      NOT NULL,
    surveys       BIGINT      NOT NULL,
    PRIMARY KEY (district, category_code, month)
);

CREATE TABLE rm_needs_survey_stats (
    district    VARCHAR(50) NOT NULL,
    month       CHAR(7)     NOT NULL,
    surveys     BIGINT      NOT NULL,
    respondents BIGINT      NOT NULL,
    PRIMARY KEY (district, month)
);
