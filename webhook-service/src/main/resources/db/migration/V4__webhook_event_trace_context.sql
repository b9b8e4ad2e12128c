-- The trace context a public event was recorded in (common TraceCarrier): its deliveries, attempted later by
-- whichever replica claims them, are spans of the trace that caused the event.
ALTER TABLE webhook_event ADD COLUMN trace_context JSONB;
