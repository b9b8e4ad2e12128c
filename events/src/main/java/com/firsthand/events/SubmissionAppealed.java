package com.firsthand.events;

import java.time.Instant;

/**
 * A worker appealed the rejection of a submission: scoring-service scores it again, independently, with the
 * worker's statement as context, and answers on submission.scored with {@code appeal} set.
 *
 * @param upload       the submission as it was uploaded: where its file is and what the job asks for
 * @param message      the worker's statement, data for the appeal scorer, never instructions
 * @param disputedFact for a rejection by a pre-scoring check (a fact such as a duplicate or the minimum size): why
 *                     the worker says the fact is wrong; the appeal then rates the content without that check.
 *                     Null otherwise
 */
public record SubmissionAppealed(String submissionId, String jobId, String orgId, String workerId,
        SubmissionUploaded upload, String message, String disputedFact, Instant appealedAt) {

    public SubmissionAppealed {
        PayloadChecks.id("submission_id", submissionId, "sub");
        PayloadChecks.id("job_id", jobId, "job");
        PayloadChecks.id("org_id", orgId, "org");
        PayloadChecks.id("worker_id", workerId, "wkr");
        PayloadChecks.present("upload", upload);
        PayloadChecks.require(upload.submissionId().equals(submissionId), "upload is of another submission");
        PayloadChecks.text("message", message);
        PayloadChecks.present("appealed_at", appealedAt);
    }
}
