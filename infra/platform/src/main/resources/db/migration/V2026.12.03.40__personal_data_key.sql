-- The data key of each data subject (PersonalDataConfiguration): personal values in events are encrypted with
-- their subject's key. Erasing a subject sets its key to NULL and keeps the row, so that no new key is ever made
-- for it (anything written about it later is stored erased). created_at starts the retention period.

CREATE TABLE personal_data_key (
    subject_kind VARCHAR(30)  NOT NULL,
    subject_id   VARCHAR(255) NOT NULL,
    data_key     BYTEA,
    created_at   TIMESTAMPTZ  NOT NULL,
    erased_at    TIMESTAMPTZ,
    PRIMARY KEY (subject_kind, subject_id)
);
CREATE INDEX personal_data_key_retention ON personal_data_key (subject_kind, created_at) WHERE erased_at IS NULL;
