-- The worker side's latest count of a job's slots (job.capacity_changed), for status and the summary.
ALTER TABLE job ADD COLUMN capacity_sequence BIGINT NOT NULL DEFAULT 0;
ALTER TABLE job ADD COLUMN files_pending INT NOT NULL DEFAULT 0;
ALTER TABLE job ADD COLUMN slots_held INT NOT NULL DEFAULT 0;
ALTER TABLE job ADD COLUMN files_rejected INT NOT NULL DEFAULT 0;
ALTER TABLE job ADD COLUMN average_rating DOUBLE PRECISION;
CREATE INDEX job_deadline_active ON job (deadline) WHERE status IN ('open', 'in_progress', 'filled');

-- Buyer ratings: one per job.
ALTER TABLE job ADD CONSTRAINT job_buyer_rating_range CHECK (buyer_rating IS NULL OR buyer_rating BETWEEN 1 AND 5);
