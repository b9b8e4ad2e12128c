package com.firsthand.submissions.service;

import com.firsthand.common.outbox.Outbox;
import com.firsthand.events.SubmissionStatusChanged;
import com.firsthand.events.Topics;
import com.firsthand.submissions.domain.Submission;
import jakarta.enterprise.context.ApplicationScoped;
import com.firsthand.submissions.repository.FileStorage;
import java.time.Duration;
import java.time.Instant;

/** Announces a submission's status change (submission.status_changed) through the outbox. */
@ApplicationScoped
public class SubmissionOutcomes {

    static final Duration EVENT_URL_VALIDITY = Duration.ofHours(24);

    private final Outbox outbox;
    private final FileStorage storage;

    public SubmissionOutcomes(Outbox outbox, FileStorage storage) {
        this.outbox = outbox;
        this.storage = storage;
    }

    public void changed(Submission submission, String from, Instant at) {
        String key = submission.fileKey != null ? submission.fileKey : submission.objectKey;
        outbox.append(Topics.SUBMISSION_STATUS_CHANGED, "submission", submission.id, submission.orgId, at,
                new SubmissionStatusChanged(submission.id, submission.jobId, submission.orgId, submission.workerId,
                        from, submission.status, submission.aiStarRating, submission.aiReasoning, submission.fileId,
                        at, submission.contentType, submission.deliveredSizeBytes(), submission.submittedAt, submission.scoredAt,
                        storage.presignedGet(key, EVENT_URL_VALIDITY), at.plus(EVENT_URL_VALIDITY)));
    }
}
