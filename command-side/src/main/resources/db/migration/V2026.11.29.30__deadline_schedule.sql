-- Deadlines of aggregates (for example: a referral not accepted in time), kept by db-scheduler through Axon's
-- DbSchedulerDeadlineManager so that they survive restarts (see command/common/DeadlineConfiguration). The
-- columns are db-scheduler's own (its PostgreSQL schema, version 16); only the table name is ours.

CREATE TABLE deadline_schedule (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX deadline_schedule_execution_time ON deadline_schedule (execution_time);
CREATE INDEX deadline_schedule_last_heartbeat ON deadline_schedule (last_heartbeat);
CREATE INDEX deadline_schedule_priority_execution_time ON deadline_schedule (priority DESC, execution_time ASC);
