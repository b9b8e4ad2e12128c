-- The trace context of the appeal event a task was queued from (common TraceCarrier): scoring the appeal, and the
-- verdict it publishes, continue the worker's appeal request's trace.
ALTER TABLE appeal_task ADD COLUMN trace_context JSONB;
