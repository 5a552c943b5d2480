-- The accounts as administrators list them (系统管理 · 账号): who acts for which unit with which roles, whether the
-- account is disabled (and why) or must change its password. Never the password's hash.

CREATE TABLE rm_account (
    account_id           VARCHAR(64)   PRIMARY KEY,
    username             VARCHAR(32)   NOT NULL,
    display_name         VARCHAR(50)   NOT NULL,
    unit_id              VARCHAR(64)   NOT NULL,
    unit_name            VARCHAR(100)  NOT NULL,
    unit_level           VARCHAR(30)   NOT NULL,
    -- Role names, comma-separated in alphabetical order (ADMIN,AUDITOR).
    roles                VARCHAR(200)  NOT NULL,
    centre               VARCHAR(40),
    must_change_password BOOLEAN       NOT NULL,
    disabled             BOOLEAN       NOT NULL,
    disabled_reason      VARCHAR(500),
    created_at           TIMESTAMPTZ   NOT NULL,
    changed_at           TIMESTAMPTZ   NOT NULL,
    last_sequence        BIGINT        NOT NULL
);
CREATE UNIQUE INDEX rm_account_username ON rm_account (username);
CREATE INDEX rm_account_unit ON rm_account (unit_id);
