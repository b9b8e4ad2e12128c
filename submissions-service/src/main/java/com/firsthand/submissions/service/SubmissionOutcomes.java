package com.firsthand.submissions.service;

import com.firsthand.common.outbox.Outbox;
import com.firsthand.events.AggregateTypes;
import com.firsthand.events.SubmissionStatusChanged;
import com.firsthand.events.Topics;
import com.firsthand.submissions.domain.Submission;
import com.firsthand.submissions.mapping.FileUrls;
import com.firsthand.submissions.repository.FileStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/**
 * Announces a submission's status change (submission.status_changed) through the outbox. Only an approved
 * submission's event links its file (signed for 24 h); unpaid work is shown by its preview path alone.
 */
@ApplicationScoped
public class SubmissionOutcomes {

    static final Duration EVENT_URL_VALIDITY = Duration.ofHours(24);

    private final Outbox outbox;
    private final FileStorage storage;

    public SubmissionOutcomes(Outbox outbox, FileStorage storage) {
        this.outbox = outbox;
        this.storage = storage;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Submission submission, String from, Instant at) {
        boolean delivered = submission.delivered();
        String fileUrl = delivered ? storage.presignedGet(submission.fileKey, EVENT_URL_VALIDITY) : null;
        outbox.append(Topics.SUBMISSION_STATUS_CHANGED, AggregateTypes.SUBMISSION, submission.id, submission.orgId, at,
                new SubmissionStatusChanged(submission.id, submission.jobId, submission.orgId, submission.workerId,
                        from, submission.status, submission.aiStarRating, submission.aiReasoning, submission.fileId,
                        at, submission.contentType, submission.deliveredSizeBytes(), submission.submittedAt,
                        submission.scoredAt, fileUrl, delivered ? at.plus(EVENT_URL_VALIDITY) : null,
                        FileUrls.previewOf(submission), override(submission), appeal(submission)));
    }

    private static SubmissionStatusChanged.Appeal appeal(Submission submission) {
        return submission.appealStatus == null ? null : new SubmissionStatusChanged.Appeal(submission.appealStatus,
                submission.appealMessage, submission.appealDisputedFact, submission.appealedAt,
                submission.appealRescoreStars,
                submission.appealRescoreReasoning, submission.appealDecidedAt);
    }

    private static SubmissionStatusChanged.Override override(Submission submission) {
        return submission.overrideDecision == null ? null : new SubmissionStatusChanged.Override(
                submission.overrideDecision, submission.overrideReason, submission.overridePreviousStatus,
                submission.overriddenAt);
    }
}
