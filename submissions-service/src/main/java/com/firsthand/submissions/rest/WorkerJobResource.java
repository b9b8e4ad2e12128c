package com.firsthand.submissions.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.firsthand.submissions.rest.model.AssignmentResponse;
import com.firsthand.common.auth.Audience;
import com.firsthand.common.auth.Authenticated;
import com.firsthand.common.api.ApiException;
import com.firsthand.common.auth.CallerContext;
import com.firsthand.common.idempotency.IdempotencyService;
import com.firsthand.events.JobStatuses;
import com.firsthand.submissions.mapping.AssignmentMapper;
import com.firsthand.submissions.service.AcceptJob;
import com.firsthand.submissions.domain.WorkRefusedException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import com.firsthand.common.paging.CursorCodec;
import com.firsthand.common.paging.ListResponse;
import com.firsthand.common.paging.PageRequest;
import com.firsthand.submissions.mapping.WorkerJobMapper;
import com.firsthand.submissions.repository.JobReplicaRepository;
import com.firsthand.submissions.rest.model.WorkerJobResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import com.firsthand.common.api.ErrorCodes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Jobs a worker can take, from the job replica: not final, a slot free by this service's own counts (the
 * replica's status may lag them), deadline not passed; and accepting one.
 */
@Path("/v1/worker/jobs")
@Authenticated(Audience.WORKER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Worker")
public class WorkerJobResource {

    static final String LIST = "worker_jobs";
    private static final List<String> OFFERED = List.of(JobStatuses.OPEN, JobStatuses.IN_PROGRESS,
            JobStatuses.FILLED);
    private static final Set<String> TYPES = Set.of("data_collection", "feedback");

    private final JobReplicaRepository jobs;
    private final CursorCodec cursors;
    private final AcceptJob acceptJob;
    private final IdempotencyService idempotency;
    private final CallerContext caller;
    private final Clock clock;

    public WorkerJobResource(JobReplicaRepository jobs, CursorCodec cursors, AcceptJob acceptJob,
            IdempotencyService idempotency, CallerContext caller, Clock clock) {
        this.clock = clock;
        this.jobs = jobs;
        this.cursors = cursors;
        this.acceptJob = acceptJob;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Path("/{job_id}/accept")
    @Transactional
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssignmentResponse.class)))
    @Extension(name = ErrorCodes.EXTENSION, value = "409:" + WorkRefusedException.ASSIGNMENT_EXISTS + ",409:"
            + WorkRefusedException.MAX_WORKERS_REACHED + ",409:" + WorkRefusedException.JOB_NOT_OPEN + ",409:"
            + WorkRefusedException.NO_SLOTS_LEFT)
    @Operation(operationId = "acceptJob",
            summary = "Hold a slot on a job (an assignment) until you upload or it expires")
    public Response accept(@RestHeader("Idempotency-Key") String key, UriInfo uri, @RestPath("job_id") String jobId) {
        return idempotency.execute(key, "POST", uri.getPath(), null, () -> Response.ok(
                AssignmentMapper.toResponse(acceptJob.accept(caller.workerId(), jobId), null)).build());
    }

    @GET
    @Operation(operationId = "listWorkerJobs", summary = "List jobs open to workers, newest first")
    public ListResponse<WorkerJobResponse> list(@RestQuery String type, @RestQuery String limit,
            @RestQuery String cursor) {
        if (type != null && !TYPES.contains(type)) {
            throw ApiException.invalidParam("type", "type must be one of: data_collection, feedback.");
        }
        PageRequest page = PageRequest.of(limit, cursor, LIST, cursors);
        return ListResponse.of(jobs.listOffered(OFFERED, type, clock.instant(), page.afterId(),
                page.fetchSize()), page, LIST, cursors,
                job -> job.id, WorkerJobMapper::toResponse);
    }
}
