-- Fair claims: tasks are taken round-robin across organisations, oldest first within each, so one
-- organisation's burst does not hold up another's.
-- The organisation is read from the queued event itself, so it cannot disagree with it.
ALTER TABLE scoring_task ADD COLUMN org_id TEXT NOT NULL
    GENERATED ALWAYS AS (COALESCE(payload -> 'payload' ->> 'org_id', '')) STORED;
CREATE INDEX scoring_task_org_due ON scoring_task (org_id, next_attempt_at) WHERE status = 'pending';

-- What the AI provider reported for each verdict, recorded once with it; a fallback is the local scorer's
-- verdict standing in for a provider that gave up, and is not charged.
ALTER TABLE score ADD COLUMN input_tokens BIGINT NOT NULL DEFAULT 0;
ALTER TABLE score ADD COLUMN output_tokens BIGINT NOT NULL DEFAULT 0;
ALTER TABLE score ADD COLUMN fallback BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX score_org_scored ON score (org_id, scored_at);
