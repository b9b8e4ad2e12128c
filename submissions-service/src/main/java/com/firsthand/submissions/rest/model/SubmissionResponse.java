package com.firsthand.submissions.rest.model;

import java.time.Instant;

/** The submission object of the API reference. */
public record SubmissionResponse(String object, String id, String jobId, String workerId, String status,
        Integer aiStarRating, String aiReasoning, String fileUrl, String contentType, long sizeBytes,
        Instant submittedAt, Instant scoredAt) {
}
