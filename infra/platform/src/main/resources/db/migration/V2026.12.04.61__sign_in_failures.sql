-- The sign-in throttle's counts (SignInGuard), shared by every node so a guesser gets the allowance once, not once
-- per node. One row per locked-out subject: an account (username in lower case) or a client address. A row past
-- its memory and lock is as good as absent and is deleted now and then.
CREATE TABLE sign_in_failure (
    subject      TEXT        NOT NULL CHECK (subject IN ('ACCOUNT', 'CLIENT_ADDRESS')),
    key          TEXT        NOT NULL,
    failures     INT         NOT NULL,
    last_failure TIMESTAMPTZ NOT NULL,
    locked_until TIMESTAMPTZ,
    PRIMARY KEY (subject, key)
);
