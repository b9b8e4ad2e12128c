-- jobs-service owns the credentials: every one gets a version from 1 (a revoked one has had two states), so
-- that the next change it publishes outranks whatever the replicas hold. common's R__credential_version adds
-- the same column in every service; it is added here as well since versioned migrations run before repeatables.
ALTER TABLE credential ADD COLUMN IF NOT EXISTS version BIGINT NOT NULL DEFAULT 0;
UPDATE credential SET version = CASE WHEN status = 'revoked' THEN 2 ELSE 1 END WHERE version = 0;
