package com.firsthand.submissions.service;

import com.firsthand.common.errors.InvalidParameterException;
import com.firsthand.common.ids.Ids;
import com.firsthand.events.SubmissionStatuses;
import com.firsthand.submissions.config.SubmissionsConfig;
import com.firsthand.submissions.domain.JobReplica;
import com.firsthand.submissions.domain.Submission;
import com.firsthand.submissions.repository.JobReplicaRepository;
import com.firsthand.submissions.repository.PayoutRepository;
import com.firsthand.submissions.repository.SubmissionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * A buyer overrides the AI's decision on one of its scored submissions, once, within the override window.
 * Rejecting approved work takes its file out of the job folder (deleted once this commits), frees its slot (a
 * completed job reopens: jobs-service follows the counts) and reverses the worker's payout with a ledger entry.
 * Approving rejected work delivers its file and pays the worker, within files_needed. While the worker's appeal waits
 * for the buyer, confirming the rejection decides it without moving anything. The job and then the
 * submission are locked, as a score takes them, so concurrent overrides and scores apply one after the other.
 */
@ApplicationScoped
public class OverrideSubmission {

    public static final int MAX_REASON = 1_000;
    private static final Set<String> DECISIONS = Set.of(SubmissionStatuses.APPROVED, SubmissionStatuses.REJECTED);

    private final SubmissionQueries queries;
    private final JobReplicaRepository jobs;
    private final SubmissionRepository submissions;
    private final PayoutRepository payouts;
    private final LateApprovals approvals;
    private final WithdrawnFiles withdrawn;
    private final SlotCapacity capacity;
    private final SubmissionOutcomes outcomes;
    private final DecisionRecord decisions;
    private final WorkerEvents workerEvents;
    private final SubmissionsConfig config;
    private final Clock clock;

    public OverrideSubmission(SubmissionQueries queries, JobReplicaRepository jobs, SubmissionRepository submissions,
            PayoutRepository payouts, LateApprovals approvals, WithdrawnFiles withdrawn, SlotCapacity capacity,
            SubmissionOutcomes outcomes, DecisionRecord decisions, WorkerEvents workerEvents,
            SubmissionsConfig config, Clock clock) {
        this.queries = queries;
        this.jobs = jobs;
        this.submissions = submissions;
        this.payouts = payouts;
        this.approvals = approvals;
        this.withdrawn = withdrawn;
        this.capacity = capacity;
        this.outcomes = outcomes;
        this.decisions = decisions;
        this.workerEvents = workerEvents;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Submission override(String orgId, String credentialId, String submissionId, String decision,
            String reason) {
        if (decision == null) {
            throw InvalidParameterException.missing("decision");
        }
        if (!DECISIONS.contains(decision)) {
            throw new InvalidParameterException("decision", "decision must be approved or rejected.");
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidParameterException.missing("reason");
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidParameterException("reason", "reason must be at most " + MAX_REASON + " characters.");
        }
        Submission submission = queries.getForOrg(orgId, submissionId);
        JobReplica job = jobs.findById(submission.jobId, LockModeType.PESSIMISTIC_WRITE);
        submissions.getEntityManager().refresh(submission, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        String previous = submission.override(decision, reason.strip(), now, config.overrideWindow());
        int payoutDelta = 0;
        if (previous.equals(decision)) {
            // The buyer confirmed a rejection the worker appealed: a decision, but nothing moves.
        } else if (SubmissionStatuses.APPROVED.equals(decision)) {
            job.overrideToApproved();
            payoutDelta = approvals.deliverAndPay(job, submission, "buyer_override_approved", now);
        } else {
            job.overrideToRejected();
            withdrawn.deleteAfterCommit(submission.fileKey);
            submission.fileKey = null;
            submission.fileId = null;
            submission.fileSizeBytes = null;
            payoutDelta = -payouts.netCents(submission.id);
            payouts.adjust(Ids.next(Ids.PAYOUT_ADJUSTMENT), submission.id, submission.workerId, job.id, payoutDelta,
                    "buyer_override_rejected", now);
        }
        capacity.changed(job);
        outcomes.changed(submission, previous, now);
        decisions.overridden(submission, credentialId);
        workerEvents.submissionOverridden(submission, payoutDelta, now);
        return submission;
    }
}
