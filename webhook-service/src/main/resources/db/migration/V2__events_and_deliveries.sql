-- Signing secrets (current and, during a rotation's grace period, the previous one) and failure tracking.
ALTER TABLE webhook_endpoint
    ADD COLUMN secret                     TEXT,
    ADD COLUMN previous_secret            TEXT,
    ADD COLUMN previous_secret_expires_at TIMESTAMPTZ,
    ADD COLUMN disabled_reason            TEXT,
    ADD COLUMN failing_since              TIMESTAMPTZ,
    ADD COLUMN updated_at                 TIMESTAMPTZ;
UPDATE webhook_endpoint
SET secret = 'whsec_' || encode(decode(md5(random()::text) || md5(random()::text), 'hex'), 'base64')
WHERE secret IS NULL;
ALTER TABLE webhook_endpoint ALTER COLUMN secret SET NOT NULL;

-- Public events, kept 30 days. body is the exact JSON delivered and returned by GET /v1/events/{id}.
CREATE TABLE webhook_event (
    id         TEXT        PRIMARY KEY,
    org_id     TEXT        NOT NULL,
    type       TEXT        NOT NULL,
    source_id  TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    body       TEXT        NOT NULL,
    UNIQUE (source_id, type)
);
CREATE INDEX webhook_event_org ON webhook_event (org_id, id DESC);
CREATE INDEX webhook_event_created ON webhook_event (created_at);

-- One row per event x endpoint: the dispatcher claims due rows with FOR UPDATE SKIP LOCKED. A claimed row's
-- next_attempt_at is pushed past the attempt timeout (a lease), so a crash mid-attempt only delays it.
CREATE TABLE webhook_delivery (
    id              TEXT        PRIMARY KEY,
    event_id        TEXT        NOT NULL REFERENCES webhook_event (id) ON DELETE CASCADE,
    endpoint_id     TEXT        NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    org_id          TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (event_id, endpoint_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_delivery_endpoint ON webhook_delivery (endpoint_id, status);

-- Every attempt, for GET /v1/webhook_endpoints/{id}/deliveries.
CREATE TABLE webhook_delivery_attempt (
    id              TEXT        PRIMARY KEY,
    delivery_id     TEXT        NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    event_id        TEXT        NOT NULL,
    endpoint_id     TEXT        NOT NULL,
    attempt         INT         NOT NULL,
    attempted_at    TIMESTAMPTZ NOT NULL,
    response_status INT,
    duration_ms     BIGINT      NOT NULL,
    response_body   TEXT,
    error           TEXT,
    next_attempt_at TIMESTAMPTZ
);
CREATE INDEX webhook_delivery_attempt_endpoint ON webhook_delivery_attempt (endpoint_id, id DESC);
