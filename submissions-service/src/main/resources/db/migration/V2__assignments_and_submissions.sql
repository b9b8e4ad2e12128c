-- Slot accounting: the worker side is the single writer of a job's approved/pending/held counts.
ALTER TABLE job_replica ADD COLUMN approved INT NOT NULL DEFAULT 0;
ALTER TABLE job_replica ADD COLUMN pending INT NOT NULL DEFAULT 0;
ALTER TABLE job_replica ADD COLUMN held INT NOT NULL DEFAULT 0;
ALTER TABLE job_replica ADD COLUMN rejected INT NOT NULL DEFAULT 0;
ALTER TABLE job_replica ADD COLUMN rating_sum BIGINT NOT NULL DEFAULT 0;
ALTER TABLE job_replica ADD COLUMN rated INT NOT NULL DEFAULT 0;
ALTER TABLE job_replica ADD COLUMN capacity_sequence BIGINT NOT NULL DEFAULT 0;
ALTER TABLE job_replica ADD CONSTRAINT job_replica_slots
    CHECK (approved >= 0 AND pending >= 0 AND held >= 0 AND approved + pending + held <= files_needed);

CREATE TABLE assignment (
    id         TEXT        PRIMARY KEY,
    job_id     TEXT        NOT NULL REFERENCES job_replica (id),
    org_id     TEXT        NOT NULL,
    worker_id  TEXT        NOT NULL,
    status     TEXT        NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX assignment_one_active_per_worker ON assignment (job_id, worker_id) WHERE status = 'active';
CREATE INDEX assignment_expiry ON assignment (expires_at) WHERE status = 'active';
CREATE INDEX assignment_worker ON assignment (worker_id, id DESC);

CREATE TABLE submission (
    id             TEXT        PRIMARY KEY,
    job_id         TEXT        NOT NULL REFERENCES job_replica (id),
    org_id         TEXT        NOT NULL,
    worker_id      TEXT        NOT NULL,
    assignment_id  TEXT        NOT NULL REFERENCES assignment (id),
    status         TEXT        NOT NULL,
    content_type   TEXT        NOT NULL,
    size_bytes     BIGINT      NOT NULL,
    sha256         TEXT        NOT NULL,
    object_key     TEXT        NOT NULL,
    file_id        TEXT,
    file_key       TEXT,
    note           TEXT,
    ai_star_rating INT,
    ai_reasoning   TEXT,
    submitted_at   TIMESTAMPTZ NOT NULL,
    scored_at      TIMESTAMPTZ
);
CREATE INDEX submission_org_list ON submission (org_id, id DESC);
CREATE INDEX submission_job_list ON submission (job_id, id DESC);
CREATE INDEX submission_worker_list ON submission (worker_id, id DESC);

CREATE TABLE payout (
    submission_id TEXT        PRIMARY KEY REFERENCES submission (id),
    worker_id     TEXT        NOT NULL,
    job_id        TEXT        NOT NULL,
    amount_cents  INT         NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX payout_worker ON payout (worker_id, job_id);
