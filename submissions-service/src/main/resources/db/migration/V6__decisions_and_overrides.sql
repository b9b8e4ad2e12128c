-- Every decision made on a submission, in order: the AI's score (or the pre-scoring check), a buyer's override.
-- decided_by: scorer, pre_scoring or buyer. scorer, model and rubric_version say which AI decided (null for
-- decisions recorded before they were kept); credential_id which buyer key did.
CREATE TABLE submission_decision (
    id             TEXT        PRIMARY KEY,
    submission_id  TEXT        NOT NULL REFERENCES submission (id),
    org_id         TEXT        NOT NULL,
    sequence       INT         NOT NULL,
    decided_by     TEXT        NOT NULL,
    scorer         TEXT,
    model          TEXT,
    rubric_version TEXT,
    credential_id  TEXT,
    stars          INT,
    reasoning      TEXT,
    outcome        TEXT        NOT NULL,
    decided_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT submission_decision_in_order UNIQUE (submission_id, sequence)
);
CREATE INDEX submission_decision_org ON submission_decision (org_id, decided_at);

-- The AI's decision on work scored before this release: the submission kept its stars and reasoning, not who gave
-- them. The id is the submission's ULID under the decision prefix, as the first decision of new work gets it.
INSERT INTO submission_decision (id, submission_id, org_id, sequence, decided_by, stars, reasoning, outcome,
                                 decided_at)
SELECT 'dec' || substr(s.id, 4), s.id, s.org_id, 1, 'scorer', s.ai_star_rating, s.ai_reasoning,
       CASE WHEN s.ai_star_rating >= 3 THEN 'approved' ELSE 'rejected' END, s.scored_at
FROM submission s
WHERE s.ai_star_rating IS NOT NULL AND s.scored_at IS NOT NULL;

-- The buyer's override of a scored submission: at most one, final.
ALTER TABLE submission ADD COLUMN override_decision TEXT;
ALTER TABLE submission ADD COLUMN override_reason TEXT;
ALTER TABLE submission ADD COLUMN override_previous_status TEXT;
ALTER TABLE submission ADD COLUMN overridden_at TIMESTAMPTZ;

-- Corrections to payouts, never deletions: a reversal (negative) when the buyer rejects paid work, a credit when
-- the buyer approves work whose payout was reversed before. A worker's earnings are payouts plus adjustments.
CREATE TABLE payout_adjustment (
    id            TEXT        PRIMARY KEY,
    submission_id TEXT        NOT NULL REFERENCES submission (id),
    worker_id     TEXT        NOT NULL,
    job_id        TEXT        NOT NULL,
    amount_cents  INT         NOT NULL,
    reason        TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX payout_adjustment_worker ON payout_adjustment (worker_id, job_id);
