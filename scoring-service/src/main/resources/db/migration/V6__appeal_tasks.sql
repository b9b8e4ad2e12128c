-- Workers' appeals waiting for the appeal scorer: one per submission (a redelivered submission.appealed queues
-- nothing), claimed with FOR UPDATE SKIP LOCKED and a lease like scoring_task. payload: the event envelope.
CREATE TABLE appeal_task (
    submission_id   TEXT        PRIMARY KEY,
    payload         JSONB       NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'pending',
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    lease_until     TIMESTAMPTZ,
    last_error      TEXT,
    queued_at       TIMESTAMPTZ NOT NULL,
    done_at         TIMESTAMPTZ
);
CREATE INDEX appeal_task_due ON appeal_task (next_attempt_at) WHERE status = 'pending';
