-- The accounts of the system as the command side needs them: the registry that keeps usernames unique, and what
-- signing in reads (the hash, the roles, whether the account may sign in or must change its password first). Kept
-- by the command registries' processing group in the transaction of each account command, so a disabled account or
-- a changed password counts from the very next request.

CREATE TABLE cmd_account (
    account_id           VARCHAR(64)  PRIMARY KEY,
    username             VARCHAR(32)  NOT NULL UNIQUE,
    display_name         VARCHAR(50)  NOT NULL,
    unit_id              VARCHAR(64)  NOT NULL,
    -- Role names, comma-separated (ADMIN,AUDITOR).
    roles                VARCHAR(200) NOT NULL,
    centre               VARCHAR(40),
    password_hash        VARCHAR(255) NOT NULL,
    must_change_password BOOLEAN      NOT NULL,
    disabled             BOOLEAN      NOT NULL
);
