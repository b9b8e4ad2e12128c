package com.firsthand.submissions.mapping;

import com.firsthand.submissions.domain.Assignment;
import com.firsthand.submissions.rest.model.AssignmentResponse;

public final class AssignmentMapper {

    private AssignmentMapper() {
    }

    public static AssignmentResponse toResponse(Assignment assignment) {
        return new AssignmentResponse("assignment", assignment.id, assignment.jobId, assignment.workerId,
                assignment.status, assignment.expiresAt, assignment.createdAt);
    }
}
