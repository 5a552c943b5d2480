-- Import jobs and their row-by-row reports, shared by every node (ImportJobs): the node running a job writes its
-- progress every second (heartbeat_at, by the database's clock), any node answers its progress and report. A
-- RUNNING job whose heartbeat stopped (its node died) is answered as INTERRUPTED. Not carried by a backup.
CREATE TABLE import_job (
    job_id           TEXT        PRIMARY KEY,
    kind             TEXT        NOT NULL,
    file_name        TEXT,
    owner            TEXT        NOT NULL,
    total            INT         NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED', 'INTERRUPTED')),
    done             INT         NOT NULL DEFAULT 0,
    accepted         INT         NOT NULL DEFAULT 0,
    already_recorded INT         NOT NULL DEFAULT 0,
    refused          INT         NOT NULL DEFAULT 0,
    started_at       TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ,
    node             TEXT        NOT NULL,
    heartbeat_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE import_job_row (
    job_id     TEXT NOT NULL REFERENCES import_job (job_id) ON DELETE CASCADE,
    row_index  INT  NOT NULL,
    row_number INT  NOT NULL,
    outcome    TEXT NOT NULL,
    id         TEXT,
    code       TEXT,
    field      TEXT,
    detail     TEXT,
    detail_en  TEXT,
    PRIMARY KEY (job_id, row_index)
);
