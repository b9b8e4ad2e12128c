CREATE TABLE organization (
    id         TEXT        PRIMARY KEY,
    name       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE worker (
    id         TEXT        PRIMARY KEY,
    name       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE job (
    id                   TEXT        PRIMARY KEY,
    org_id               TEXT        NOT NULL REFERENCES organization (id),
    status               TEXT        NOT NULL,
    type                 TEXT        NOT NULL,
    description          TEXT        NOT NULL,
    files_needed         INT         NOT NULL CHECK (files_needed >= 1),
    files_approved       INT         NOT NULL DEFAULT 0 CHECK (files_approved >= 0 AND files_approved <= files_needed),
    accepted_formats     JSONB       NOT NULL,
    price_per_file_cents INT         NOT NULL CHECK (price_per_file_cents >= 0),
    location_lat         DOUBLE PRECISION,
    location_lng         DOUBLE PRECISION,
    location_radius_km   DOUBLE PRECISION,
    deadline             TIMESTAMPTZ,
    max_workers          INT,
    metadata             JSONB,
    min_width            INT,
    min_height           INT,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    completed_at         TIMESTAMPTZ,
    cancelled_at         TIMESTAMPTZ,
    buyer_rating         INT,
    buyer_feedback       TEXT,
    version              BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX job_org_list ON job (org_id, id DESC);
CREATE INDEX job_org_status_list ON job (org_id, status, id DESC);
