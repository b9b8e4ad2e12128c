-- Work queue: one row per submission to score. Claimed with a lease (FOR UPDATE SKIP LOCKED), so replicas
-- share the work and a crashed worker's task is picked up again when its lease runs out.
CREATE TABLE scoring_task (
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
CREATE INDEX scoring_task_due ON scoring_task (next_attempt_at) WHERE status = 'pending';

-- Perceptual (dHash) and byte (SHA-256) fingerprints of every scored file, for duplicate checks.
CREATE TABLE fingerprint (
    submission_id TEXT        PRIMARY KEY,
    job_id        TEXT        NOT NULL,
    worker_id     TEXT        NOT NULL,
    sha256        TEXT        NOT NULL,
    dhash         BIGINT,
    outcome       TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX fingerprint_job ON fingerprint (job_id);
CREATE INDEX fingerprint_worker ON fingerprint (worker_id);

-- The verdict on each submission, written once.
CREATE TABLE score (
    submission_id TEXT        PRIMARY KEY,
    job_id        TEXT        NOT NULL,
    org_id        TEXT        NOT NULL,
    worker_id     TEXT        NOT NULL,
    stars         INT         NOT NULL CHECK (stars BETWEEN 1 AND 5),
    reasoning     TEXT        NOT NULL,
    pre_scoring   BOOLEAN     NOT NULL,
    scorer        TEXT        NOT NULL,
    credits       INT         NOT NULL,
    checks        JSONB       NOT NULL,
    attempts      INT         NOT NULL,
    scored_at     TIMESTAMPTZ NOT NULL
);
