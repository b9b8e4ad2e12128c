package com.firsthand.submissions.service;

import com.firsthand.common.ids.Ids;
import com.firsthand.events.Scores;
import com.firsthand.events.SubmissionScored;
import com.firsthand.events.SubmissionStatuses;
import com.firsthand.submissions.domain.Submission;
import com.firsthand.submissions.domain.SubmissionDecision;
import com.firsthand.submissions.repository.DecisionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Keeps every decision on a submission, in order, in the transaction that applies it (under the submission's row
 * lock): the AI's score with the scorer, model and rubric version that gave it, the appeal scorer's, and the
 * buyer's override.
 */
@ApplicationScoped
public class DecisionRecord {

    private final DecisionRepository decisions;

    public DecisionRecord(DecisionRepository decisions) {
        this.decisions = decisions;
    }

    /** The AI's decision, the first on a submission: its id is the submission's under the decision prefix. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scored(Submission submission, SubmissionScored score) {
        SubmissionDecision decision = decision(submission, Ids.derived(Ids.DECISION, submission.id), score.scoredAt());
        decisions.persist(byScorer(decision, score, score.preScoring() ? SubmissionDecision.BY_PRE_SCORING
                : SubmissionDecision.BY_SCORER));
    }

    /** The appeal scorer's verdict on a worker's appeal. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appealScored(Submission submission, SubmissionScored score) {
        SubmissionDecision decision = decision(submission, Ids.next(Ids.DECISION), score.scoredAt());
        decisions.persist(byScorer(decision, score, SubmissionDecision.BY_APPEAL_SCORER));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void overridden(Submission submission, String credentialId) {
        SubmissionDecision decision = decision(submission, Ids.next(Ids.DECISION), submission.overriddenAt);
        decision.decidedBy = SubmissionDecision.BY_BUYER;
        decision.credentialId = credentialId;
        decision.reasoning = submission.overrideReason;
        decision.outcome = submission.overrideDecision;
        decisions.persist(decision);
    }

    private static SubmissionDecision byScorer(SubmissionDecision decision, SubmissionScored score, String decidedBy) {
        decision.decidedBy = decidedBy;
        decision.scorer = score.scorer();
        decision.model = score.model();
        decision.rubricVersion = score.rubricVersion();
        decision.stars = score.aiStarRating();
        decision.reasoning = score.aiReasoning();
        decision.outcome = Scores.approves(score.aiStarRating()) ? SubmissionStatuses.APPROVED
                : SubmissionStatuses.REJECTED;
        return decision;
    }

    private SubmissionDecision decision(Submission submission, String id, Instant at) {
        SubmissionDecision decision = new SubmissionDecision();
        decision.id = id;
        decision.submissionId = submission.id;
        decision.orgId = submission.orgId;
        decision.sequence = decisions.nextSequence(submission.id);
        decision.decidedAt = at;
        return decision;
    }
}
