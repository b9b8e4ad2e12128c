package com.firsthand.scoring.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.firsthand.common.outbox.Outbox;
import com.firsthand.events.AggregateTypes;
import com.firsthand.events.SubmissionUploaded;
import com.firsthand.events.Topics;
import com.firsthand.scoring.domain.Verdict;
import com.firsthand.scoring.mapping.ScoringMapper;
import com.firsthand.scoring.repository.CreditLedgerRepository;
import com.firsthand.scoring.repository.FingerprintRepository;
import com.firsthand.scoring.repository.ScoreRepository;
import com.firsthand.scoring.repository.ScoringTaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Writes a verdict exactly once: the score row (with the provider's token usage), the credit charge, the duplicate-fingerprint outcome, the
 * submission.scored outbox event and the finished task commit together, under the task's row lock. A second
 * attempt (a redelivery, a replica whose lease ran out) finds the task done and changes nothing.
 */
@ApplicationScoped
public class RecordVerdict {

    private final ScoringTaskRepository tasks;
    private final ScoreRepository scores;
    private final CreditLedgerRepository ledger;
    private final FingerprintRepository fingerprints;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    public RecordVerdict(ScoringTaskRepository tasks, ScoreRepository scores, CreditLedgerRepository ledger,
            FingerprintRepository fingerprints, Outbox outbox, ObjectMapper json, Clock clock) {
        this.tasks = tasks;
        this.scores = scores;
        this.ledger = ledger;
        this.fingerprints = fingerprints;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** Returns false when the submission already had its verdict. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(SubmissionUploaded upload, Verdict verdict, int attempts) {
        if (!tasks.lockPending(upload.submissionId()) || scores.exists(upload.submissionId())) {
            return false;
        }
        Instant now = clock.instant();
        scores.insert(new ScoreRepository.ScoreRow(upload.submissionId(), upload.jobId(), upload.orgId(),
                upload.workerId(), verdict.stars(), verdict.reasoning(), verdict.preScoring(), verdict.scorer(),
                verdict.credits(), checksJson(verdict), attempts, now, verdict.usage().inputTokens(),
                verdict.usage().outputTokens(), verdict.fallback(), verdict.model(), verdict.rubricVersion()));
        if (verdict.credits() > 0) {
            ledger.charge(upload.submissionId(), upload.orgId(), verdict.credits(), verdict.scorer(), now);
        }
        fingerprints.settle(upload.submissionId(), verdict.approved() ? "approved" : "rejected");
        outbox.append(Topics.SUBMISSION_SCORED, AggregateTypes.SUBMISSION, upload.submissionId(), upload.orgId(), now,
                ScoringMapper.scored(upload, verdict, now));
        tasks.complete(upload.submissionId());
        return true;
    }

    private String checksJson(Verdict verdict) {
        try {
            return json.writeValueAsString(verdict.checks());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
