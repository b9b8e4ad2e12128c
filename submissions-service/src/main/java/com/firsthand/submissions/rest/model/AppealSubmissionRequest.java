package com.firsthand.submissions.rest.model;

import com.firsthand.submissions.service.AppealSubmission;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * POST /v1/worker/submissions/{id}/appeal: why the rejection is wrong. {@code disputedFact} is required for a
 * rejection by a pre-scoring check (a fact such as a duplicate or the minimum size): why that fact is wrong.
 */
public record AppealSubmissionRequest(
        @Schema(required = true, minLength = 1, maxLength = AppealSubmission.MAX_TEXT) String message,
        @Schema(maxLength = AppealSubmission.MAX_TEXT) String disputedFact) {
}
