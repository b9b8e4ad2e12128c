package com.firsthand.events;

import java.time.Instant;
import java.util.Set;

/**
 * A submission moved between statuses (approved, rejected, retry_pending). Carries the submission as the API shows
 * it, so webhook subscribers get the whole object without another call.
 *
 * @param fileUrl a signed download URL valid for {@code fileUrlExpiresAt}, for approved submissions only (null
 *     otherwise: unpaid work is never linked); GET /v1/submissions/{id} signs a fresh one
 * @param previewUrl the API path of the image's watermarked preview (buyer key); null for other files. Added later:
 *     absent from older events
 * @param override the buyer's override, when this change is one or follows one; null otherwise. Added later
 * @param appeal the worker's appeal, when there is one; null otherwise. Added later
 */
public record SubmissionStatusChanged(String submissionId, String jobId, String orgId, String workerId, String from,
        String to, Integer aiStarRating, String aiReasoning, String fileId, Instant at, String contentType,
        Long sizeBytes, Instant submittedAt, Instant scoredAt, String fileUrl, Instant fileUrlExpiresAt,
        String previewUrl, Override override, Appeal appeal) {

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

    /** A change as producers wrote it before overrides existed. */
    public SubmissionStatusChanged(String submissionId, String jobId, String orgId, String workerId, String from,
            String to, Integer aiStarRating, String aiReasoning, String fileId, Instant at, String contentType,
            Long sizeBytes, Instant submittedAt, Instant scoredAt, String fileUrl, Instant fileUrlExpiresAt,
            String previewUrl) {
        this(submissionId, jobId, orgId, workerId, from, to, aiStarRating, aiReasoning, fileId, at, contentType,
                sizeBytes, submittedAt, scoredAt, fileUrl, fileUrlExpiresAt, previewUrl, null, null);
    }

    /** A change as producers wrote it before appeals existed. */
    public SubmissionStatusChanged(String submissionId, String jobId, String orgId, String workerId, String from,
            String to, Integer aiStarRating, String aiReasoning, String fileId, Instant at, String contentType,
            Long sizeBytes, Instant submittedAt, Instant scoredAt, String fileUrl, Instant fileUrlExpiresAt,
            String previewUrl, Override override) {
        this(submissionId, jobId, orgId, workerId, from, to, aiStarRating, aiReasoning, fileId, at, contentType,
                sizeBytes, submittedAt, scoredAt, fileUrl, fileUrlExpiresAt, previewUrl, override, null);
    }

    /**
     * The buyer's decision on scored work, overriding the AI's.
     *
     * @param decision       approved or rejected
     * @param previousStatus the status the buyer overrode
     */
    public record Override(String decision, String reason, String previousStatus, Instant at) {

        public Override {
            PayloadChecks.oneOf("override.decision", decision,
                    Set.of(SubmissionStatuses.APPROVED, SubmissionStatuses.REJECTED));
            PayloadChecks.oneOf("override.previous_status", previousStatus, SubmissionStatuses.ALL);
            PayloadChecks.present("override.at", at);
        }
    }

    /**
     * A worker's appeal of the rejection.
     *
     * @param status one of {@link AppealStatuses}
     * @param rescoreStars the appeal scorer's stars once it scored; null before
     */
    public record Appeal(String status, String message, String disputedFact, Instant appealedAt,
            Integer rescoreStars, String rescoreReasoning, Instant decidedAt) {

        public Appeal {
            PayloadChecks.oneOf("appeal.status", status, AppealStatuses.ALL);
            PayloadChecks.present("appeal.appealed_at", appealedAt);
            PayloadChecks.stars("appeal.rescore_stars", rescoreStars);
        }
    }
}
