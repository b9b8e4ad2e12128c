package com.firsthand.submissions.rest.model;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The submission object of the API reference. {@code fileUrl} is set for approved work only; {@code previewUrl}
 * (the API path of a watermarked preview) for images while their file is stored.
 *
 * @param location the verified location facts; null when the job has no location or the file is not a photo
 * @param retrySubmissionId on a rejected submission the worker retried: the new attempt
 * @param override the buyer's override of the AI's decision; null when there was none
 * @param appeal the worker's appeal of the rejection; null when there was none
 */
public record SubmissionResponse(String object, String id, String jobId, String workerId,
        @Schema(enumeration = {"pending_score", "approved", "rejected", "retry_pending"}) String status,
        Integer aiStarRating, String aiReasoning, String fileUrl, String previewUrl, String contentType,
        long sizeBytes, Instant submittedAt, Instant scoredAt, LocationFactsResponse location,
        String retrySubmissionId, OverrideResponse override, AppealResponse appeal) {
}
