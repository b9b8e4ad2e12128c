package com.firsthand.submissions.service;

import com.firsthand.common.ids.Ids;
import com.firsthand.events.SubmissionScored;
import com.firsthand.events.SubmissionStatuses;
import com.firsthand.submissions.domain.JobReplica;
import com.firsthand.submissions.domain.Submission;
import com.firsthand.submissions.repository.FileStorage;
import com.firsthand.submissions.repository.JobReplicaRepository;
import com.firsthand.submissions.repository.PayoutRepository;
import com.firsthand.submissions.repository.SubmissionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Applies a score: 3-5 stars approve (a copy without metadata is written to the buyer's job folder and the
 * worker's payout is recorded once), 1-2 reject with the reasoning as feedback and free the slot. The verified
 * location facts are kept in place of the GPS position the delivered file no longer carries. A score for a
 * submission that is no longer pending (already scored, or rejected by a cancel) changes nothing. The worker is told
 * (submission.approved with the payout, or submission.rejected with whether it may retry).
 */
@ApplicationScoped
public class ApplyScore {

    private static final Logger LOG = Logger.getLogger(ApplyScore.class);

    private final JobReplicaRepository jobs;
    private final SubmissionRepository submissions;
    private final PayoutRepository payouts;
    private final DeliverApprovedFile delivery;
    private final SlotCapacity capacity;
    private final SubmissionOutcomes outcomes;
    private final WorkerEvents workerEvents;
    private final DecisionRecord decisions;
    private final Clock clock;

    public ApplyScore(JobReplicaRepository jobs, SubmissionRepository submissions, PayoutRepository payouts,
            DeliverApprovedFile delivery, SlotCapacity capacity, SubmissionOutcomes outcomes,
            WorkerEvents workerEvents, DecisionRecord decisions, Clock clock) {
        this.jobs = jobs;
        this.submissions = submissions;
        this.payouts = payouts;
        this.delivery = delivery;
        this.capacity = capacity;
        this.outcomes = outcomes;
        this.workerEvents = workerEvents;
        this.decisions = decisions;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(SubmissionScored score) {
        JobReplica job = jobs.findById(score.jobId(), LockModeType.PESSIMISTIC_WRITE);
        Submission submission = submissions.findById(score.submissionId(), LockModeType.PESSIMISTIC_WRITE);
        if (job == null || submission == null) {
            LOG.warnf("Score for unknown submission %s ignored", score.submissionId());
            return;
        }
        if (!SubmissionStatuses.PENDING_SCORE.equals(submission.status)) {
            return;
        }
        Instant now = clock.instant();
        submission.aiStarRating = score.aiStarRating();
        submission.aiReasoning = score.aiReasoning();
        submission.scoredAt = score.scoredAt() == null ? now : score.scoredAt();
        if (score.location() != null) {
            submission.locationStatus = score.location().status();
            submission.locationDistanceKm = score.location().distanceKm();
        }
        if (job.applyScore(score.aiStarRating())) {
            submission.fileId = Ids.derived(Ids.FILE, submission.id);
            submission.fileKey = FileStorage.jobFileKey(job.orgId, job.id, submission.fileId);
            submission.fileSizeBytes = delivery.deliver(submission);
            submission.status = SubmissionStatuses.APPROVED;
            payouts.record(submission.id, submission.workerId, job.id, job.pricePerFileCents, now);
        } else {
            submission.status = SubmissionStatuses.REJECTED;
        }
        capacity.changed(job);
        outcomes.changed(submission, SubmissionStatuses.PENDING_SCORE, now);
        decisions.scored(submission, score);
        if (submission.delivered()) {
            workerEvents.submissionApproved(submission, job.pricePerFileCents, now);
        } else {
            workerEvents.submissionRejected(submission, job.acceptsWork(now), now);
        }
    }
}
