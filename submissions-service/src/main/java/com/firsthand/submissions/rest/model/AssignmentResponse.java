package com.firsthand.submissions.rest.model;

import java.time.Instant;

/** A slot held on a job: upload before expires_at, or the slot goes back to other workers. */
public record AssignmentResponse(String object, String id, String jobId, String workerId, String status,
        Instant expiresAt, Instant createdAt) {
}
