package com.firsthand.submissions.rest;

import com.firsthand.common.auth.Audience;
import com.firsthand.common.auth.Authenticated;
import com.firsthand.common.auth.CallerContext;
import com.firsthand.common.paging.CursorCodec;
import com.firsthand.common.paging.ListResponse;
import com.firsthand.common.paging.PageRequest;
import com.firsthand.submissions.mapping.AssignmentMapper;
import com.firsthand.submissions.rest.model.AssignmentResponse;
import com.firsthand.submissions.service.AssignmentQueries;
import com.firsthand.submissions.service.AssignmentQueries.AssignmentWithSubmission;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** A worker's slots: held (active), used for an upload (submitted), ended unused (released, expired). */
@Path("/v1/worker/assignments")
@Authenticated(Audience.WORKER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Worker")
public class WorkerAssignmentsResource {

    static final String LIST = "worker_assignments";

    private final AssignmentQueries queries;
    private final CallerContext caller;
    private final CursorCodec cursors;

    public WorkerAssignmentsResource(AssignmentQueries queries, CallerContext caller, CursorCodec cursors) {
        this.queries = queries;
        this.caller = caller;
        this.cursors = cursors;
    }

    @GET
    @Transactional
    @Operation(operationId = "listWorkerAssignments",
            summary = "Your assignments, newest first: status, job_id, limit, cursor")
    public ListResponse<AssignmentResponse> list(@RestQuery String status, @RestQuery("job_id") String jobId,
            @RestQuery String limit, @RestQuery String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, LIST, cursors);
        return ListResponse.of(queries.page(caller.workerId(), status, jobId, page.afterId(), page.fetchSize()),
                page, LIST, cursors, row -> row.assignment().id, WorkerAssignmentsResource::toResponse);
    }

    @GET
    @Path("/{assignment_id}")
    @Transactional
    @Operation(operationId = "getWorkerAssignment",
            summary = "One of your assignments, with the submission it produced")
    public AssignmentResponse get(@RestPath("assignment_id") String assignmentId) {
        return toResponse(queries.get(caller.workerId(), assignmentId));
    }

    private static AssignmentResponse toResponse(AssignmentWithSubmission row) {
        return AssignmentMapper.toResponse(row.assignment(), row.submissionId());
    }
}
