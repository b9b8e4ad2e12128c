-- The worker side's copy of jobs, kept from job.created and job.status_changed.
CREATE TABLE job_replica (
    id                   TEXT        PRIMARY KEY,
    org_id               TEXT        NOT NULL,
    status               TEXT        NOT NULL,
    type                 TEXT        NOT NULL,
    description          TEXT        NOT NULL,
    files_needed         INT         NOT NULL,
    accepted_formats     JSONB       NOT NULL,
    price_per_file_cents INT         NOT NULL,
    location_lat         DOUBLE PRECISION,
    location_lng         DOUBLE PRECISION,
    location_radius_km   DOUBLE PRECISION,
    deadline             TIMESTAMPTZ,
    max_workers          INT,
    min_width            INT,
    min_height           INT,
    created_at           TIMESTAMPTZ NOT NULL,
    status_changed_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX job_replica_open ON job_replica (status, id DESC);
