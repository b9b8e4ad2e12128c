-- Jobs their buyer cancelled. submissions-service rejects a cancelled job's pending submissions, so scoring them
-- would charge the buyer for files nobody receives: waiting tasks are dropped, and this table lets an upload
-- event that arrives after the cancel be dropped too.
CREATE TABLE cancelled_job (
    job_id       TEXT        PRIMARY KEY,
    cancelled_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX scoring_task_pending_job ON scoring_task ((payload -> 'payload' ->> 'job_id')) WHERE status = 'pending';
