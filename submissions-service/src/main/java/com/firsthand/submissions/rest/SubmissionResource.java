package com.firsthand.submissions.rest;

import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.firsthand.common.auth.Audience;
import com.firsthand.common.auth.Authenticated;
import com.firsthand.common.api.ApiException;
import com.firsthand.common.auth.CallerContext;
import com.firsthand.common.idempotency.IdempotencyService;
import com.firsthand.common.paging.CursorCodec;
import com.firsthand.common.paging.DateWindow;
import com.firsthand.common.paging.ListResponse;
import com.firsthand.common.paging.PageRequest;
import com.firsthand.submissions.domain.OverrideRefusedException;
import com.firsthand.submissions.mapping.CalibrationMapper;
import com.firsthand.submissions.mapping.DecisionMapper;
import com.firsthand.submissions.mapping.FileUrls;
import com.firsthand.submissions.mapping.SubmissionMapper;
import com.firsthand.submissions.repository.DecisionRepository;
import com.firsthand.submissions.repository.SubmissionRepository;
import com.firsthand.submissions.rest.model.CalibrationResponse;
import com.firsthand.submissions.rest.model.DecisionResponse;
import com.firsthand.submissions.rest.model.OverrideSubmissionRequest;
import com.firsthand.submissions.rest.model.SubmissionResponse;
import com.firsthand.submissions.rest.model.SubmissionSummaryResponse;
import com.firsthand.submissions.service.MeasureCalibration;
import com.firsthand.submissions.service.OverrideSubmission;
import com.firsthand.submissions.service.ShowPreview;
import com.firsthand.submissions.service.SubmissionQueries;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import com.firsthand.common.api.ErrorCodes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The buyer's Submissions API (shared/api-reference/submissions.txt). */
@Path("/v1/submissions")
@Authenticated(Audience.BUYER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Submissions")
public class SubmissionResource {

    static final String LIST = "submissions";

    private final SubmissionRepository submissions;
    private final SubmissionQueries queries;
    private final CallerContext caller;
    private final CursorCodec cursors;
    private final FileUrls urls;
    private final ShowPreview previews;
    private final OverrideSubmission overrides;
    private final DecisionRepository decisions;
    private final IdempotencyService idempotency;
    private final MeasureCalibration calibration;

    public SubmissionResource(SubmissionRepository submissions, SubmissionQueries queries, CallerContext caller,
            CursorCodec cursors, FileUrls urls, ShowPreview previews, OverrideSubmission overrides,
            DecisionRepository decisions, IdempotencyService idempotency, MeasureCalibration calibration) {
        this.submissions = submissions;
        this.queries = queries;
        this.caller = caller;
        this.cursors = cursors;
        this.urls = urls;
        this.previews = previews;
        this.overrides = overrides;
        this.decisions = decisions;
        this.idempotency = idempotency;
        this.calibration = calibration;
    }

    @GET
    @Transactional
    @Operation(operationId = "listSubmissions", summary = "List your organisation's submissions, newest first")
    public ListResponse<SubmissionResponse> list(@RestQuery("job_id") String jobId, @RestQuery String status,
            @RestQuery("min_score") String minScore, @RestQuery("start_date") String startDate,
            @RestQuery("end_date") String endDate, @RestQuery String limit, @RestQuery String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, LIST, cursors);
        DateWindow window = queries.window(startDate, endDate);
        var filter = new SubmissionRepository.Filter(caller.orgId(), null, jobId, SubmissionQueries.status(status),
                SubmissionQueries.score("min_score", minScore, null), window.from(), window.to());
        return ListResponse.of(submissions.listPage(filter, page.afterId(), page.fetchSize()), page, LIST, cursors,
                s -> s.id, s -> SubmissionMapper.toBuyerResponse(s, urls));
    }

    @GET
    @Path("/summary")
    @Transactional
    @APIResponse(responseCode = "200", description = "The summary", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionSummaryResponse.class),
            examples = @ExampleObject(name = "last 30 days", value = """
                    {"object": "submission_summary", "total_submissions": 1250, "approved": 1050, "rejected": 200,
                     "approval_rate": 0.84, "avg_ai_star_rating": 3.8, "by_type": [{"type": "data_collection",
                     "total": 800, "approved": 700, "avg_ai_star_rating": 4.0}]}""")))
    @Operation(operationId = "getSubmissionSummary", summary = "Aggregate submission metrics for your organisation")
    public SubmissionSummaryResponse summary(@RestQuery("job_id") String jobId,
            @RestQuery("start_date") String startDate, @RestQuery("end_date") String endDate) {
        DateWindow window = queries.window(startDate, endDate);
        long total = 0;
        long approved = 0;
        long rejected = 0;
        long ratingSum = 0;
        long rated = 0;
        List<SubmissionSummaryResponse.ByType> byType = new ArrayList<>();
        for (Object[] row : submissions.summary(caller.orgId(), jobId, window.from(), window.to())) {
            long typeTotal = ((Number) row[1]).longValue();
            long typeApproved = ((Number) row[2]).longValue();
            long typeRatingSum = ((Number) row[4]).longValue();
            long typeRated = ((Number) row[5]).longValue();
            total += typeTotal;
            approved += typeApproved;
            rejected += ((Number) row[3]).longValue();
            ratingSum += typeRatingSum;
            rated += typeRated;
            byType.add(new SubmissionSummaryResponse.ByType((String) row[0], typeTotal, typeApproved,
                    average(typeRatingSum, typeRated)));
        }
        Double approvalRate = approved + rejected == 0 ? null
                : Math.round(1000.0 * approved / (approved + rejected)) / 1000.0;
        return new SubmissionSummaryResponse("submission_summary", total, approved, rejected, approvalRate,
                average(ratingSum, rated), byType);
    }

    @GET
    @Path("/calibration")
    @Transactional
    @Operation(operationId = "getCalibration",
            summary = "How far the AI's verdicts agree with yours, organisation-wide",
            description = "Every AI decision scored in the period against your verdict on the same submission (your"
                    + " override, else the AI's verdict you let stand): counts, the confusion matrix, Cohen's kappa"
                    + " and the overturn rate per scorer and model. GET /v1/jobs/{job_id}/calibration for one job.")
    public CalibrationResponse calibration(@RestQuery("start_date") String startDate,
            @RestQuery("end_date") String endDate) {
        DateWindow window = queries.window(startDate, endDate);
        return CalibrationMapper.toResponse(null, window, calibration.measure(caller.orgId(), null, window));
    }

    @GET
    @Path("/{submission_id}")
    @Transactional
    @APIResponse(responseCode = "200", description = "The submission", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionResponse.class),
            examples = @ExampleObject(name = "approved", value = """
                    {"object": "submission", "id": "sub_01JQ8Z6M2Q4N5P7R9S1T3V5X7Z",
                     "job_id": "job_01JQ8Z6M2Q4N5P7R9S1T3V5X7Z", "worker_id": "wkr_01JQ8Z6M2Q4N5P7R9S1T3V5X7Z",
                     "status": "approved", "ai_star_rating": 4, "ai_reasoning": "Clear, well-lit photo that matches the\
                     job description. Subject is centered and in focus with good composition.",
                     "file_url": "https://files.firsthandapi.com/...", "preview_url": null,
                     "content_type": "image/jpeg", "size_bytes": 2450000, "submitted_at": "2026-03-16T14:30:00Z",
                     "scored_at": "2026-03-16T14:30:05Z", "location": null, "retry_submission_id": null,
                     "override": null, "appeal": null}""")))
    @Operation(operationId = "getSubmission", summary = "Retrieve a submission with its AI rating and reasoning")
    public SubmissionResponse get(@RestPath("submission_id") String submissionId) {
        var submission = queries.getForOrg(caller.orgId(), submissionId);
        return SubmissionMapper.toBuyerResponse(submission, urls);
    }

    @POST
    @Path("/{submission_id}/override")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @APIResponse(responseCode = "200", description = "The submission, overridden", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionResponse.class)))
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OverrideSubmissionRequest.class), examples = @ExampleObject(
                    name = "wrong subject", value = """
                            {"decision": "rejected", "reason": "Sharp, but it shows a parcel box, not a mailbox."}""")))
    @Extension(name = ErrorCodes.EXTENSION, value = "409:" + OverrideRefusedException.NOT_SCORED + ",409:"
            + OverrideRefusedException.RETRY_IN_PROGRESS + ",409:" + OverrideRefusedException.ALREADY_OVERRIDDEN
            + ",409:" + OverrideRefusedException.NOT_A_CHANGE + ",409:" + OverrideRefusedException.WINDOW_CLOSED
            + ",409:" + OverrideRefusedException.JOB_FULL + ",409:" + OverrideRefusedException.FILE_NO_LONGER_STORED
            + ",503:" + StorageExceptionMapper.STORAGE_UNAVAILABLE)
    @Operation(operationId = "overrideSubmission", summary = "Override the AI's decision on a scored submission, once",
            description = "Rejecting approved work takes its file out of the job's files, frees its slot (a completed"
                    + " job is in progress again) and reverses the worker's payout; approving rejected work delivers"
                    + " its file and pays the worker, within files_needed. Allowed for 30 days after the score"
                    + " (firsthand.submissions.override-window); the worker is told the reason.")
    public Response override(@RestHeader("Idempotency-Key") String key, UriInfo uri,
            @RestPath("submission_id") String submissionId, OverrideSubmissionRequest request) {
        if (request == null) {
            throw ApiException.missingParam("decision");
        }
        return idempotency.execute(key, "POST", uri.getPath(), request, () -> Response.ok(
                SubmissionMapper.toBuyerResponse(overrides.override(caller.orgId(), caller.caller().credentialId(),
                        submissionId, request.decision(), request.reason()), urls)).build());
    }

    @GET
    @Path("/{submission_id}/decisions")
    @Transactional
    @Operation(operationId = "listSubmissionDecisions",
            summary = "Every decision on a submission, in order: the AI's score, the buyer's override")
    public ListResponse<DecisionResponse> decisions(@RestPath("submission_id") String submissionId) {
        queries.getForOrg(caller.orgId(), submissionId);
        return new ListResponse<>("list", decisions.of(submissionId).stream().map(DecisionMapper::toResponse)
                .toList(), false, null);
    }

    @GET
    @Path("/{submission_id}/preview")
    @Produces({"image/jpeg", MediaType.APPLICATION_JSON})
    @APIResponse(responseCode = "200", description = "The preview", content = @Content(mediaType = "image/jpeg",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Extension(name = ErrorCodes.EXTENSION, value = "404:" + PreviewRefusedExceptionMapper.NO_PREVIEW + ",410:"
            + PreviewRefusedExceptionMapper.FILE_DELETED + ",422:" + PreviewRefusedExceptionMapper.PREVIEW_UNAVAILABLE
            + ",503:" + PreviewRefusedExceptionMapper.PREVIEW_BUSY + ",503:" + StorageExceptionMapper.STORAGE_UNAVAILABLE)
    @Operation(operationId = "getSubmissionPreview",
            summary = "A downscaled, watermarked JPEG of an image submission, without its metadata")
    public Response preview(@RestPath("submission_id") String submissionId) {
        return Response.ok(previews.preview(caller.orgId(), submissionId), "image/jpeg")
                .header("Cache-Control", "private, max-age=3600").header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static Double average(long sum, long count) {
        return count == 0 ? null : Math.round(100.0 * sum / count) / 100.0;
    }
}
