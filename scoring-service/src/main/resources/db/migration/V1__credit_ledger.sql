-- One credit per AI scoring, recorded once per submission.
CREATE TABLE credit_ledger (
    submission_id TEXT        PRIMARY KEY,
    org_id        TEXT        NOT NULL,
    credits       INT         NOT NULL,
    scorer        TEXT        NOT NULL,
    charged_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX credit_ledger_org ON credit_ledger (org_id, charged_at);
