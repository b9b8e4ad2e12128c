-- The jobs of job.created, so job events carry the job object and not only its status.
CREATE TABLE job_replica (
    id                   TEXT        PRIMARY KEY,
    org_id               TEXT        NOT NULL,
    type                 TEXT,
    description          TEXT,
    files_needed         INT         NOT NULL,
    accepted_formats     JSONB,
    price_per_file_cents INT         NOT NULL,
    deadline             TIMESTAMPTZ,
    metadata             JSONB,
    created_at           TIMESTAMPTZ NOT NULL
);
