package com.firsthand.events;

import java.time.Instant;

/**
 * A submission moved between statuses (approved, rejected, retry_pending). Carries the submission as the API shows
 * it, so webhook subscribers get the whole object without another call.
 *
 * @param fileUrl a signed download URL valid for {@code fileUrlExpiresAt}, for approved submissions only (null
 *     otherwise: unpaid work is never linked); GET /v1/submissions/{id} signs a fresh one
 * @param previewUrl the API path of the image's watermarked preview (buyer key); null for other files. Added later:
 *     absent from older events
 */
public record SubmissionStatusChanged(String submissionId, String jobId, String orgId, String workerId, String from,
        String to, Integer aiStarRating, String aiReasoning, String fileId, Instant at, String contentType,
        Long sizeBytes, Instant submittedAt, Instant scoredAt, String fileUrl, Instant fileUrlExpiresAt,
        String previewUrl) {

    public SubmissionStatusChanged {
        PayloadChecks.id("submission_id", submissionId, "sub");
        PayloadChecks.id("job_id", jobId, "job");
        PayloadChecks.id("org_id", orgId, "org");
        PayloadChecks.id("worker_id", workerId, "wkr");
        PayloadChecks.oneOf("from", from, SubmissionStatuses.ALL);
        PayloadChecks.oneOf("to", to, SubmissionStatuses.ALL);
        PayloadChecks.stars("ai_star_rating", aiStarRating);
        PayloadChecks.atLeastIfPresent("size_bytes", sizeBytes, 0);
        PayloadChecks.present("at", at);
    }
}
