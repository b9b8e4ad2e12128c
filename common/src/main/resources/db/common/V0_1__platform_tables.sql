-- Tables every service keeps in its own schema: they back the conventions in fh-common.

-- Transactional outbox: written in the same transaction as the state change, relayed to Kafka.
CREATE TABLE outbox_event (
    seq            BIGSERIAL PRIMARY KEY,
    id             TEXT        NOT NULL UNIQUE,
    topic          TEXT        NOT NULL,
    aggregate_type TEXT        NOT NULL,
    aggregate_id   TEXT        NOT NULL,
    org_id         TEXT,
    occurred_at    TIMESTAMPTZ NOT NULL,
    envelope       JSONB       NOT NULL,
    published_at   TIMESTAMPTZ
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;

-- Idempotent consumer: one row per event a consumer has applied, inserted in the same transaction.
CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Idempotency-Key: the first response to a key, replayed for retries.
CREATE TABLE idempotency_key (
    scope           TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    request_hash    TEXT        NOT NULL,
    response_status INT,
    response_body   TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);

-- Credentials: the owner's table in jobs-service, a replica (from credential.changed) everywhere else.
CREATE TABLE credential (
    id          TEXT        PRIMARY KEY,
    kind        TEXT        NOT NULL,
    org_id      TEXT,
    worker_id   TEXT,
    secret_hash TEXT        NOT NULL UNIQUE,
    status      TEXT        NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL
);
