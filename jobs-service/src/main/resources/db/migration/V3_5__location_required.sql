-- Issue 20: a job with a location may require a GPS position in every photo (location.required).
ALTER TABLE job ADD COLUMN location_required BOOLEAN NOT NULL DEFAULT FALSE;
