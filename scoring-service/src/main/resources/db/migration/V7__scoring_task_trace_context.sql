-- The trace context of the upload event a task was queued from (common TraceCarrier), so that scoring it, and the
-- submission.scored event it publishes, continue the upload's trace.
ALTER TABLE scoring_task ADD COLUMN trace_context JSONB;
