CREATE TABLE webhook_endpoint (
    id             TEXT        PRIMARY KEY,
    org_id         TEXT        NOT NULL,
    url            TEXT        NOT NULL,
    description    TEXT,
    enabled_events JSONB       NOT NULL,
    status         TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_endpoint_org ON webhook_endpoint (org_id, id DESC);
