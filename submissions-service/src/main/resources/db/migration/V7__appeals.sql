-- A worker's appeal of a rejection: at most one per submission. appeal_status: pending (with the appeal scorer,
-- or waiting for the buyer once it has scored), upheld, denied or decided_by_buyer.
ALTER TABLE submission ADD COLUMN appeal_status TEXT;
ALTER TABLE submission ADD COLUMN appeal_message TEXT;
ALTER TABLE submission ADD COLUMN appeal_disputed_fact TEXT;
ALTER TABLE submission ADD COLUMN appealed_at TIMESTAMPTZ;
ALTER TABLE submission ADD COLUMN appeal_rescore_stars INT;
ALTER TABLE submission ADD COLUMN appeal_rescore_reasoning TEXT;
ALTER TABLE submission ADD COLUMN appeal_decided_at TIMESTAMPTZ;
CREATE INDEX submission_appeal_waiting ON submission (scored_at) WHERE appeal_status = 'pending';
