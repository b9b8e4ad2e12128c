package com.firsthand.submissions.domain;

import java.util.Set;

/** What a worker is told, as GET /v1/worker/events names it. */
public final class WorkerEventTypes {

    /** To every worker holding a slot on the job or with a submission pending on it when the buyer cancels. */
    public static final String JOB_CANCELLED = "job.cancelled";
    /** A held slot ended unused: the hold ran out, or the job was cancelled, completed or expired. */
    public static final String ASSIGNMENT_RELEASED = "assignment.released";
    /** A held slot lapses soon (firsthand.submissions.assignment-expiring-notice before it does). */
    public static final String ASSIGNMENT_EXPIRING = "assignment.expiring";
    public static final String SUBMISSION_APPROVED = "submission.approved";
    public static final String SUBMISSION_REJECTED = "submission.rejected";
    /** The buyer overrode the decision on the worker's submission: why, and what it did to the payout. */
    public static final String SUBMISSION_OVERRIDDEN = "submission.overridden";
    /** The worker's appeal moved: scored again (upheld and paid, or waiting for the buyer), or denied. */
    public static final String SUBMISSION_APPEAL_UPDATED = "submission.appeal_updated";

    public static final Set<String> ALL = Set.of(JOB_CANCELLED, ASSIGNMENT_RELEASED, ASSIGNMENT_EXPIRING,
            SUBMISSION_APPROVED, SUBMISSION_REJECTED, SUBMISSION_OVERRIDDEN, SUBMISSION_APPEAL_UPDATED);

    private WorkerEventTypes() {
    }
}
