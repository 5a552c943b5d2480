-- Commands sent by sagas and deadline handlers, written in the transaction that stores the saga's state and token,
-- then sent (and retried with back-off) by SagaCommandWorker until they succeed or are refused.
-- See docs/design/saga-commands.md.
CREATE TABLE saga_command (
    command_id      text        PRIMARY KEY,  -- deterministic: the same decision always has the same id
    command_type    text        NOT NULL,
    payload         bytea       NOT NULL,
    meta_data       bytea       NOT NULL,     -- the correlation data of the event or deadline that decided it
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'REFUSED')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    refusal_code    text,
    finished_at     timestamptz
);

CREATE INDEX saga_command_due ON saga_command (next_attempt_at) WHERE status = 'PENDING';
