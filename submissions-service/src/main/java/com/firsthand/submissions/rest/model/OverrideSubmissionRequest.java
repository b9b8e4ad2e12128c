package com.firsthand.submissions.rest.model;

import com.firsthand.submissions.service.OverrideSubmission;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /v1/submissions/{id}/override: the buyer's decision and why, which the worker is told. */
public record OverrideSubmissionRequest(
        @Schema(required = true, enumeration = {"approved", "rejected"}) String decision,
        @Schema(required = true, minLength = 1, maxLength = OverrideSubmission.MAX_REASON) String reason) {
}
