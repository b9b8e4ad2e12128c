package com.firsthand.submissions.rest.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Something that happened to a worker's work. {@code data.object} is the job, assignment or submission as it was
 * then; submission.approved adds {@code data.payout_cents}, submission.rejected {@code data.retry_allowed}.
 */
public record WorkerEventResponse(String object, String id,
        @Schema(enumeration = {"job.cancelled", "assignment.released", "assignment.expiring", "submission.approved",
                "submission.rejected"}) String type, Instant createdAt, JsonNode data) {
}
