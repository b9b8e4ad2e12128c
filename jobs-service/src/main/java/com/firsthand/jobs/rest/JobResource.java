package com.firsthand.jobs.rest;

import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.firsthand.common.auth.Audience;
import com.firsthand.common.auth.Authenticated;
import com.firsthand.common.auth.CallerContext;
import com.firsthand.common.idempotency.IdempotencyService;
import com.firsthand.common.paging.CursorCodec;
import com.firsthand.common.paging.ListResponse;
import com.firsthand.common.paging.PageRequest;
import com.firsthand.jobs.mapping.JobMapper;
import com.firsthand.jobs.rest.model.CreateJobRequest;
import com.firsthand.jobs.rest.model.JobResponse;
import com.firsthand.common.api.ApiException;
import com.firsthand.common.api.ErrorCodes;
import com.firsthand.jobs.domain.JobStateException;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import com.firsthand.jobs.rest.model.RateJobRequest;
import com.firsthand.jobs.service.CancelJob;
import com.firsthand.jobs.service.JobPosting;
import com.firsthand.jobs.service.RateJob;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import com.firsthand.jobs.service.JobQueries;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The buyer's Jobs API (shared/api-reference/jobs.txt). */
@Path("/v1/jobs")
@Authenticated(Audience.BUYER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs")
public class JobResource {

    static final String LIST = "jobs";

    private final JobPosting posting;
    private final JobQueries queries;
    private final JobRequestValidator validator;
    private final IdempotencyService idempotency;
    private final CallerContext caller;
    private final CursorCodec cursors;
    private final JobLongPoll longPoll;
    private final CancelJob cancelJob;
    private final RateJob rateJob;

    public JobResource(JobPosting posting, JobQueries queries, IdempotencyService idempotency, CallerContext caller,
            CursorCodec cursors, Clock clock, JobLongPoll longPoll, CancelJob cancelJob, RateJob rateJob) {
        this.longPoll = longPoll;
        this.cancelJob = cancelJob;
        this.rateJob = rateJob;
        this.posting = posting;
        this.queries = queries;
        this.validator = new JobRequestValidator(clock);
        this.idempotency = idempotency;
        this.caller = caller;
        this.cursors = cursors;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateJobRequest.class), examples = @ExampleObject(name = "mailboxes",
            value = """
                    {"type": "data_collection", "description": "Photos of residential mailboxes, front view, in daylight",
                     "files_needed": 100, "accepted_formats": ["image/jpeg", "image/png"], "price_per_file_cents": 50,
                     "location": {"lat": 30.2672, "lng": -97.7431, "radius_km": 15},
                     "deadline": "2026-03-25T00:00:00Z"}""")))
    @APIResponse(responseCode = "200", description = "The job, open", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobResponse.class),
            examples = @ExampleObject(name = "mailboxes", value = """
                    {"object": "job", "id": "job_01JQ8Z6M2Q4N5P7R9S1T3V5X7Z", "status": "open",
                     "type": "data_collection", "description": "Photos of residential mailboxes, front view, in daylight",
                     "files_needed": 100, "files_approved": 0, "accepted_formats": ["image/jpeg", "image/png"],
                     "price_per_file_cents": 50, "location": {"lat": 30.2672, "lng": -97.7431, "radius_km": 15,
                     "required": false}, "deadline": "2026-03-25T00:00:00Z", "max_workers": null, "metadata": {},
                     "min_width": null, "min_height": null, "submission_summary": null,
                     "created_at": "2026-03-15T10:00:00Z"}""")))
    @Operation(operationId = "createJob", summary = "Post a new content collection job")
    public Response create(@RestHeader("Idempotency-Key") String key, UriInfo uri, CreateJobRequest request) {
        var draft = validator.validate(request);
        return idempotency.execute(key, "POST", uri.getPath(), request,
                () -> Response.ok(JobMapper.toResponse(posting.post(caller.orgId(), draft))).build());
    }

    @GET
    @Operation(operationId = "listJobs", summary = "List your jobs, newest first")
    public ListResponse<JobResponse> list(@RestQuery String status, @RestQuery String type, @RestQuery String limit,
            @RestQuery String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, LIST, cursors);
        return ListResponse.of(queries.list(caller.orgId(), status, type, page), page, LIST, cursors,
                job -> job.id, JobMapper::toResponse);
    }

    @GET
    @Path("/{job_id}")
    @Blocking
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = JobResponse.class)))
    @Operation(operationId = "getJob",
            summary = "Retrieve a job; with 'Prefer: wait=N' (N up to 30) wait for its next status change")
    public Uni<Response> get(@RestPath("job_id") String jobId, @RestHeader("Prefer") String prefer) {
        return longPoll.get(caller.orgId(), jobId, prefer);
    }

    @POST
    @Path("/{job_id}/cancel")
    @Transactional
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = JobResponse.class)))
    @Extension(name = ErrorCodes.EXTENSION, value = "409:" + JobStateException.NOT_CANCELLABLE)
    @Operation(operationId = "cancelJob",
            summary = "Cancel an open, in_progress or filled job; approved files stay available")
    public Response cancel(@RestHeader("Idempotency-Key") String key, UriInfo uri, @RestPath("job_id") String jobId) {
        return idempotency.execute(key, "POST", uri.getPath(), null,
                () -> Response.ok(JobMapper.toResponse(cancelJob.cancel(caller.orgId(), jobId))).build());
    }

    @POST
    @Path("/{job_id}/rate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = JobResponse.class)))
    @Extension(name = ErrorCodes.EXTENSION,
            value = "409:" + JobStateException.NOT_COMPLETED + ",409:" + JobStateException.ALREADY_RATED)
    @Operation(operationId = "rateJob", summary = "Rate a completed job once, 1-5 stars with optional feedback")
    public Response rate(@RestHeader("Idempotency-Key") String key, UriInfo uri, @RestPath("job_id") String jobId,
            RateJobRequest request) {
        if (request == null) {
            throw ApiException.missingParam("rating");
        }
        return idempotency.execute(key, "POST", uri.getPath(), request, () -> Response.ok(JobMapper.toResponse(
                rateJob.rate(caller.orgId(), jobId, request.rating(), request.feedback()))).build());
    }
}
