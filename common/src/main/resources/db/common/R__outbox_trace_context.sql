-- The trace context an outbox event was appended in (W3C traceparent/tracestate as the propagators write them),
-- so that the relay publishes the event as part of that trace. Repeatable and idempotent, like the other
-- platform-table changes: it runs after every service's own migrations.
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS trace_context JSONB;
