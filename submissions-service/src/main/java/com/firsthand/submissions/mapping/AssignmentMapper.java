package com.firsthand.submissions.mapping;

import com.firsthand.submissions.domain.Assignment;
import com.firsthand.submissions.rest.model.AssignmentResponse;

public final class AssignmentMapper {

    private AssignmentMapper() {
    }

    /** @param submissionId the submission the slot produced, null when it produced none (yet) */
    public static AssignmentResponse toResponse(Assignment assignment, String submissionId) {
        return new AssignmentResponse("assignment", assignment.id, assignment.jobId, assignment.workerId,
                assignment.publicStatus(), assignment.reason, assignment.expiresAt, assignment.createdAt,
                assignment.updatedAt, submissionId);
    }
}
