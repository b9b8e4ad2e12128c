-- Credential versions (events CredentialChanged.version): the owner numbers every state of a credential from 1,
-- a replica keeps the version it applied and takes a record only over a lower one. 0 stands for a state
-- published before versions existed. Repeatable (runs after every service's own migrations) and idempotent.
ALTER TABLE credential ADD COLUMN IF NOT EXISTS version BIGINT NOT NULL DEFAULT 0;
