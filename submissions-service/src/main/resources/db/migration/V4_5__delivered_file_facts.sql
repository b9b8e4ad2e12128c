-- Issue 20, workers' privacy: delivered copies are rewritten without metadata, so their size can differ from the
-- upload's; the verified location facts replace the GPS position the file no longer carries.
ALTER TABLE submission ADD COLUMN file_size_bytes BIGINT;
ALTER TABLE submission ADD COLUMN location_status TEXT;
ALTER TABLE submission ADD COLUMN location_distance_km DOUBLE PRECISION;
ALTER TABLE job_replica ADD COLUMN location_required BOOLEAN NOT NULL DEFAULT FALSE;
