-- Issue 15: workers are told. Expand only (docs/deploy.md): an older pod still running during the rollout may
-- write 'used' for a submitted assignment; the code reads it as 'submitted' until the next release drops that.
UPDATE assignment SET status = 'submitted' WHERE status = 'used';
-- Why a slot ended: expired, job_cancelled, job_completed, job_expired.
ALTER TABLE assignment ADD COLUMN reason TEXT;
UPDATE assignment SET reason = 'expired' WHERE status = 'expired';
UPDATE assignment SET reason = 'job_cancelled' WHERE status = 'released';
-- assignment.expiring is sent once per hold.
ALTER TABLE assignment ADD COLUMN expiring_notified_at TIMESTAMPTZ;
CREATE INDEX assignment_expiring ON assignment (expires_at) WHERE status = 'active' AND expiring_notified_at IS NULL;
CREATE INDEX assignment_job_active ON assignment (job_id) WHERE status = 'active';
CREATE INDEX submission_assignment ON submission (assignment_id);

-- The retry lifecycle: a retry_pending submission names the slot taken to retry it, then the attempt made with it.
ALTER TABLE submission ADD COLUMN retry_assignment_id TEXT REFERENCES assignment (id);
ALTER TABLE submission ADD COLUMN retry_submission_id TEXT REFERENCES submission (id);
CREATE INDEX submission_retry_assignment ON submission (retry_assignment_id) WHERE status = 'retry_pending';

-- A worker's events, written in the transaction of the change they tell. The feed row is the per-worker sequence:
-- taking the next number locks it until commit, so a worker's events commit in the order of their numbers.
CREATE TABLE worker_feed (
    worker_id     TEXT   PRIMARY KEY,
    last_sequence BIGINT NOT NULL
);
CREATE TABLE worker_event (
    id         TEXT        PRIMARY KEY,
    worker_id  TEXT        NOT NULL,
    sequence   BIGINT      NOT NULL,
    type       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    data       JSONB       NOT NULL,
    CONSTRAINT worker_event_in_order UNIQUE (worker_id, sequence)
);
CREATE INDEX worker_event_created ON worker_event (created_at);

-- Submissions left retry_pending before this release: link the slot taken to retry them, and close the ones whose
-- slot has already ended (with the attempt it produced, if any). No events are told for this one-off repair.
UPDATE submission s SET retry_assignment_id = (
    SELECT a.id FROM assignment a
    WHERE a.job_id = s.job_id AND a.worker_id = s.worker_id AND a.created_at >= coalesce(s.scored_at, s.submitted_at)
    ORDER BY a.created_at LIMIT 1)
WHERE s.status = 'retry_pending';
UPDATE submission s SET status = 'rejected',
    retry_submission_id = (SELECT n.id FROM submission n WHERE n.assignment_id = s.retry_assignment_id LIMIT 1)
WHERE s.status = 'retry_pending'
  AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.id = s.retry_assignment_id AND a.status = 'active');
