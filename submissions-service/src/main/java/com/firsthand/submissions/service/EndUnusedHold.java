package com.firsthand.submissions.service;

import com.firsthand.events.SubmissionStatuses;
import com.firsthand.submissions.domain.Assignment;
import com.firsthand.submissions.domain.Submission;
import com.firsthand.submissions.repository.SubmissionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * A held slot ends without an upload: the hold ran out, or the job ended. The worker is told
 * (assignment.released, with the reason), and a rejected submission the slot was taken to retry is rejected again.
 * The caller holds the job's lock and gives back the slot in the job's counts.
 */
@ApplicationScoped
public class EndUnusedHold {

    private final SubmissionRepository submissions;
    private final SubmissionOutcomes outcomes;
    private final WorkerEvents workerEvents;

    public EndUnusedHold(SubmissionRepository submissions, SubmissionOutcomes outcomes, WorkerEvents workerEvents) {
        this.submissions = submissions;
        this.outcomes = outcomes;
        this.workerEvents = workerEvents;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void expire(Assignment assignment, Instant now) {
        assignment.expire(now);
        ended(assignment, now);
    }

    /** @param reason job_cancelled, job_completed or job_expired */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(Assignment assignment, String reason, Instant now) {
        assignment.release(reason, now);
        ended(assignment, now);
    }

    private void ended(Assignment assignment, Instant now) {
        workerEvents.assignmentReleased(assignment, now);
        closeRetry(assignment.id, null, now);
    }

    /** The retry_pending submission waiting on the slot, if any, is rejected again; it names the new attempt. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeRetry(String assignmentId, String attemptId, Instant now) {
        submissions.retryingWith(assignmentId).ifPresent(retried -> {
            retried.retryClosed(attemptId);
            outcomes.changed(retried, SubmissionStatuses.RETRY_PENDING, now);
        });
    }
}
