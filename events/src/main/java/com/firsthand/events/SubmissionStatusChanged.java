package com.firsthand.events;

import java.time.Instant;

/** A submission moved between statuses (approved, rejected, retry_pending). */
public record SubmissionStatusChanged(String submissionId, String jobId, String orgId, String workerId, String from,
        String to, Integer aiStarRating, String aiReasoning, String fileId, Instant at) {
}
