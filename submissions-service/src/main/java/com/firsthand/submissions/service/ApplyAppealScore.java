package com.firsthand.submissions.service;

import com.firsthand.events.Scores;
import com.firsthand.events.SubmissionScored;
import com.firsthand.events.SubmissionStatuses;
import com.firsthand.submissions.domain.JobReplica;
import com.firsthand.submissions.domain.Submission;
import com.firsthand.submissions.repository.JobReplicaRepository;
import com.firsthand.submissions.repository.SubmissionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The appeal scorer's verdict on an appealed submission, recorded in its decision record. 3 stars or more with a
 * free slot upholds the appeal (files_needed is never exceeded): the submission is approved, delivered and paid as
 * a late approval, and the job's counts move. Otherwise the appeal waits for the buyer, who decides with an
 * override (or lets the override window close: the rejection stands). A verdict for an appeal that no longer
 * waits for one (the buyer decided first, a redelivery) changes nothing.
 */
@ApplicationScoped
public class ApplyAppealScore {

    private static final Logger LOG = Logger.getLogger(ApplyAppealScore.class);

    private final JobReplicaRepository jobs;
    private final SubmissionRepository submissions;
    private final LateApprovals approvals;
    private final SlotCapacity capacity;
    private final SubmissionOutcomes outcomes;
    private final DecisionRecord decisions;
    private final WorkerEvents workerEvents;
    private final Clock clock;

    public ApplyAppealScore(JobReplicaRepository jobs, SubmissionRepository submissions, LateApprovals approvals,
            SlotCapacity capacity, SubmissionOutcomes outcomes, DecisionRecord decisions, WorkerEvents workerEvents,
            Clock clock) {
        this.jobs = jobs;
        this.submissions = submissions;
        this.approvals = approvals;
        this.capacity = capacity;
        this.outcomes = outcomes;
        this.decisions = decisions;
        this.workerEvents = workerEvents;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(SubmissionScored score) {
        JobReplica job = jobs.findById(score.jobId(), LockModeType.PESSIMISTIC_WRITE);
        Submission submission = submissions.findById(score.submissionId(), LockModeType.PESSIMISTIC_WRITE);
        if (job == null || submission == null || submission.appealedAt == null) {
            LOG.warnf("Appeal score for unknown appeal %s ignored", score.submissionId());
            return;
        }
        if (!submission.awaitsAppealScore()) {
            return;
        }
        Instant now = clock.instant();
        decisions.appealScored(submission, score);
        boolean upheld = Scores.approves(score.aiStarRating()) && job.remaining() > 0
                && SubmissionStatuses.REJECTED.equals(submission.status);
        submission.appealRescored(score.aiStarRating(), score.aiReasoning(), upheld, now);
        int payoutDelta = 0;
        if (upheld) {
            job.overrideToApproved();
            payoutDelta = approvals.deliverAndPay(job, submission, "appeal_upheld", now);
            capacity.changed(job);
        }
        outcomes.changed(submission, upheld ? SubmissionStatuses.REJECTED : submission.status, now);
        workerEvents.appealUpdated(submission, payoutDelta, now);
    }
}
