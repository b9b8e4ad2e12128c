-- When a submission's quarantine original was deleted: once redundant (approved: the job folder holds the copy) or
-- past the rejected retention. The preview of a rejected submission answers 410 from then on.
ALTER TABLE submission ADD COLUMN original_deleted_at TIMESTAMPTZ;
-- The retention sweep's candidates: submissions whose original is still stored.
CREATE INDEX submission_original_stored ON submission (status, scored_at) WHERE original_deleted_at IS NULL;
