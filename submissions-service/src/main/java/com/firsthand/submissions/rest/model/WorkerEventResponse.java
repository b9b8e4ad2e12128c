package com.firsthand.submissions.rest.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.firsthand.submissions.domain.WorkerEventTypes;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Something that happened to a worker's work. {@code data.object} is the job, assignment or submission as it was
 * then; submission.approved adds {@code data.payout_cents}, submission.rejected {@code data.retry_allowed},
 * submission.overridden and submission.appeal_updated {@code data.payout_delta_cents}.
 */
public record WorkerEventResponse(String object, String id,
        @Schema(enumeration = {WorkerEventTypes.JOB_CANCELLED, WorkerEventTypes.ASSIGNMENT_RELEASED,
                WorkerEventTypes.ASSIGNMENT_EXPIRING, WorkerEventTypes.SUBMISSION_APPROVED,
                WorkerEventTypes.SUBMISSION_REJECTED, WorkerEventTypes.SUBMISSION_OVERRIDDEN,
                WorkerEventTypes.SUBMISSION_APPEAL_UPDATED}) String type,
        Instant createdAt, JsonNode data) {
}
