package com.firsthand.submissions.rest.model;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A slot held on a job: upload before expires_at, or the slot goes back to other workers.
 *
 * @param status active, submitted, released or expired
 * @param reason why a released or expired slot ended: expired, job_cancelled, job_completed, job_expired
 * @param submissionId the submission made with the slot, once submitted
 */
public record AssignmentResponse(String object, String id, String jobId, String workerId,
        @Schema(enumeration = {"active", "submitted", "released", "expired"}) String status,
        @Schema(enumeration = {"expired", "job_cancelled", "job_completed", "job_expired"}) String reason, Instant expiresAt, Instant createdAt, Instant updatedAt, String submissionId) {
}
