package com.firsthand.submissions.service;

import com.firsthand.common.errors.InvalidParameterException;
import com.firsthand.common.errors.ResourceNotFoundException;
import com.firsthand.common.ids.Ids;
import com.firsthand.submissions.domain.Assignment;
import com.firsthand.submissions.repository.AssignmentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** Reads of a worker's own assignments, each with the submission it produced; anyone else's do not exist. */
@ApplicationScoped
public class AssignmentQueries {

    public record AssignmentWithSubmission(Assignment assignment, String submissionId) {
    }

    private final AssignmentRepository assignments;

    public AssignmentQueries(AssignmentRepository assignments) {
        this.assignments = assignments;
    }

    public AssignmentWithSubmission get(String workerId, String assignmentId) {
        Assignment assignment = Ids.isValid(Ids.ASSIGNMENT, assignmentId) ? assignments.findById(assignmentId) : null;
        if (assignment == null || !assignment.workerId.equals(workerId)) {
            throw new ResourceNotFoundException("assignment", assignmentId);
        }
        return new AssignmentWithSubmission(assignment, assignments.submissionsOf(List.of(assignmentId))
                .get(assignmentId));
    }

    public List<AssignmentWithSubmission> page(String workerId, String status, String jobId, String afterId,
            int max) {
        if (status != null && !Assignment.STATUSES.contains(status)) {
            throw new InvalidParameterException("status",
                    "status must be one of: active, submitted, released, expired.");
        }
        List<Assignment> page = assignments.listPage(workerId, status, jobId, afterId, max);
        Map<String, String> produced = assignments.submissionsOf(page.stream().map(a -> a.id).toList());
        return page.stream().map(a -> new AssignmentWithSubmission(a, produced.get(a.id))).toList();
    }
}
