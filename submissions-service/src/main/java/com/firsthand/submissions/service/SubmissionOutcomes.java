package com.firsthand.submissions.service;

import com.firsthand.common.outbox.Outbox;
import com.firsthand.events.SubmissionStatusChanged;
import com.firsthand.events.Topics;
import com.firsthand.submissions.domain.Submission;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Announces a submission's status change (submission.status_changed) through the outbox. */
@ApplicationScoped
public class SubmissionOutcomes {

    private final Outbox outbox;

    public SubmissionOutcomes(Outbox outbox) {
        this.outbox = outbox;
    }

    public void changed(Submission submission, String from, Instant at) {
        outbox.append(Topics.SUBMISSION_STATUS_CHANGED, "submission", submission.id, submission.orgId, at,
                new SubmissionStatusChanged(submission.id, submission.jobId, submission.orgId, submission.workerId,
                        from, submission.status, submission.aiStarRating, submission.aiReasoning, submission.fileId,
                        at));
    }
}
