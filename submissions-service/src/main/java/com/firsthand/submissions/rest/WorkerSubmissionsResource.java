package com.firsthand.submissions.rest;

import com.firsthand.common.api.ApiException;
import com.firsthand.common.api.ErrorCodes;
import com.firsthand.common.idempotency.IdempotencyService;
import com.firsthand.submissions.domain.AppealRefusedException;
import com.firsthand.submissions.rest.model.AppealSubmissionRequest;
import com.firsthand.submissions.service.AppealSubmission;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;
import com.firsthand.common.auth.Audience;
import com.firsthand.common.auth.Authenticated;
import com.firsthand.common.auth.CallerContext;
import com.firsthand.common.paging.CursorCodec;
import com.firsthand.common.paging.ListResponse;
import com.firsthand.common.paging.PageRequest;
import com.firsthand.submissions.mapping.SubmissionMapper;
import com.firsthand.submissions.repository.PayoutRepository;
import com.firsthand.submissions.repository.SubmissionRepository;
import com.firsthand.submissions.rest.model.EarningsResponse;
import com.firsthand.submissions.rest.model.SubmissionResponse;
import com.firsthand.submissions.service.SubmissionQueries;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** A worker's own submissions (with rating and AI feedback) and earnings. */
@Path("/v1/worker")
@Authenticated(Audience.WORKER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Worker")
public class WorkerSubmissionsResource {

    static final String LIST = "worker_submissions";

    private final SubmissionRepository submissions;
    private final PayoutRepository payouts;
    private final SubmissionQueries queries;
    private final CallerContext caller;
    private final CursorCodec cursors;
    private final AppealSubmission appeals;
    private final IdempotencyService idempotency;

    public WorkerSubmissionsResource(SubmissionRepository submissions, PayoutRepository payouts,
            SubmissionQueries queries, CallerContext caller, CursorCodec cursors, AppealSubmission appeals,
            IdempotencyService idempotency) {
        this.submissions = submissions;
        this.payouts = payouts;
        this.queries = queries;
        this.caller = caller;
        this.cursors = cursors;
        this.appeals = appeals;
        this.idempotency = idempotency;
    }

    @POST
    @Path("/submissions/{submission_id}/appeal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @APIResponse(responseCode = "200", description = "The submission, appealed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionResponse.class)))
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AppealSubmissionRequest.class), examples = @ExampleObject(
                    name = "blurry by mistake", value = """
                            {"message": "The mailbox is in focus; the blur is the hedge behind it."}""")))
    @Extension(name = ErrorCodes.EXTENSION, value = "409:" + AppealRefusedException.NOT_REJECTED + ",409:"
            + AppealRefusedException.NOT_APPEALABLE + ",409:" + AppealRefusedException.DECIDED_BY_BUYER + ",409:"
            + AppealRefusedException.ALREADY_APPEALED + ",409:" + AppealRefusedException.WINDOW_CLOSED + ",409:"
            + AppealRefusedException.FILE_NO_LONGER_STORED)
    @Operation(operationId = "appealSubmission", summary = "Appeal the rejection of one of your submissions, once",
            description = "Within 7 days of the score (firsthand.submissions.appeal-window). The file is scored again"
                    + " by the appeal scorer with your message as context: 3 stars or more approves and pays it;"
                    + " otherwise the buyer decides. A rejection by a pre-scoring check (a duplicate, the minimum"
                    + " size, outside the radius) is a fact: appeal it with disputed_fact, why it is wrong. The"
                    + " appeal's progress is the submission's appeal object, and submission.appeal_updated events.")
    public Response appeal(@RestHeader("Idempotency-Key") String key, UriInfo uri,
            @RestPath("submission_id") String submissionId, AppealSubmissionRequest request) {
        if (request == null) {
            throw ApiException.missingParam("message");
        }
        return idempotency.execute(key, "POST", uri.getPath(), request, () -> Response.ok(SubmissionMapper.toResponse(
                appeals.appeal(caller.workerId(), submissionId, request.message(), request.disputedFact()), null))
                .build());
    }

    @GET
    @Path("/submissions")
    @Transactional
    @Operation(operationId = "listWorkerSubmissions", summary = "Your submissions, newest first")
    public ListResponse<SubmissionResponse> list(@RestQuery("job_id") String jobId, @RestQuery String status,
            @RestQuery String limit, @RestQuery String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, LIST, cursors);
        var filter = new SubmissionRepository.Filter(null, caller.workerId(), jobId, SubmissionQueries.status(status),
                null, null, null);
        return ListResponse.of(submissions.listPage(filter, page.afterId(), page.fetchSize()), page, LIST, cursors,
                s -> s.id, s -> SubmissionMapper.toResponse(s, null));
    }

    @GET
    @Path("/submissions/{submission_id}")
    @Transactional
    @Operation(operationId = "getWorkerSubmission",
            summary = "One of your submissions, with its rating and AI feedback")
    public SubmissionResponse get(@RestPath("submission_id") String submissionId) {
        return SubmissionMapper.toResponse(queries.getForWorker(caller.workerId(), submissionId), null);
    }

    @GET
    @Path("/earnings")
    @Transactional
    @Operation(operationId = "getWorkerEarnings", summary = "Your payouts: total and per job")
    public EarningsResponse earnings() {
        List<EarningsResponse.ByJob> byJob = payouts.byJob(caller.workerId()).stream()
                .map(row -> new EarningsResponse.ByJob((String) row[0], ((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue())).toList();
        return new EarningsResponse("earnings", byJob.stream().mapToLong(EarningsResponse.ByJob::amountCents).sum(),
                byJob.stream().mapToLong(EarningsResponse.ByJob::approvedFiles).sum(), byJob);
    }
}
