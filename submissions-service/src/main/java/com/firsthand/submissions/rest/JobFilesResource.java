package com.firsthand.submissions.rest;

import com.firsthand.common.auth.Audience;
import com.firsthand.common.auth.Authenticated;
import com.firsthand.common.auth.CallerContext;
import com.firsthand.common.paging.CursorCodec;
import com.firsthand.common.paging.ListResponse;
import com.firsthand.common.paging.PageRequest;
import com.firsthand.events.SubmissionStatuses;
import com.firsthand.common.paging.DateWindow;
import com.firsthand.submissions.mapping.CalibrationMapper;
import com.firsthand.submissions.mapping.FileUrls;
import com.firsthand.submissions.mapping.SubmissionMapper;
import com.firsthand.submissions.repository.SubmissionRepository;
import com.firsthand.submissions.rest.model.CalibrationResponse;
import com.firsthand.submissions.rest.model.FileResponse;
import com.firsthand.submissions.rest.model.SubmissionResponse;
import com.firsthand.submissions.service.MeasureCalibration;
import com.firsthand.submissions.service.SubmissionQueries;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * GET /v1/jobs/{job_id}/files, /submissions and /calibration: under the jobs path in the API reference, served here
 * where the files, submissions and decisions live (the gateway routes them).
 */
@Path("/v1/jobs/{job_id}")
@Authenticated(Audience.BUYER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs")
public class JobFilesResource {

    static final String FILES = "job_files";
    static final String SUBMISSIONS = "job_submissions";

    private final SubmissionRepository submissions;
    private final SubmissionQueries queries;
    private final CallerContext caller;
    private final CursorCodec cursors;
    private final FileUrls urls;
    private final MeasureCalibration calibration;

    public JobFilesResource(SubmissionRepository submissions, SubmissionQueries queries, CallerContext caller,
            CursorCodec cursors, FileUrls urls, MeasureCalibration calibration) {
        this.submissions = submissions;
        this.queries = queries;
        this.caller = caller;
        this.cursors = cursors;
        this.urls = urls;
        this.calibration = calibration;
    }

    @GET
    @Path("/calibration")
    @Transactional
    @Operation(operationId = "getJobCalibration", summary = "How far the AI's verdicts on a job agree with yours",
            description = "As GET /v1/submissions/calibration, for this job's submissions.")
    public CalibrationResponse calibration(@RestPath("job_id") String jobId, @RestQuery("start_date") String startDate,
            @RestQuery("end_date") String endDate) {
        DateWindow window = queries.window(startDate, endDate);
        return CalibrationMapper.toResponse(jobId, window, calibration.measure(caller.orgId(), jobId, window));
    }

    @GET
    @Path("/files")
    @Transactional
    @Operation(operationId = "listJobFiles",
            summary = "Approved files of a job, each with a download URL valid for 1 hour")
    public ListResponse<FileResponse> files(@RestPath("job_id") String jobId, @RestQuery("min_score") String minScore,
            @RestQuery String limit, @RestQuery String cursor) {
        queries.ownedJob(caller.orgId(), jobId);
        PageRequest page = PageRequest.of(limit, cursor, FILES, cursors);
        var filter = new SubmissionRepository.Filter(caller.orgId(), null, jobId, SubmissionStatuses.APPROVED,
                SubmissionQueries.score("min_score", minScore, 3), null, null);
        return ListResponse.of(submissions.listPage(filter, page.afterId(), page.fetchSize()), page, FILES, cursors,
                s -> s.id, s -> new FileResponse("file", s.fileId, s.jobId, urls.of(s), s.contentType,
                        s.deliveredSizeBytes(), s.aiStarRating, s.workerId, s.submittedAt,
                        SubmissionMapper.location(s)));
    }

    @GET
    @Path("/submissions")
    @Transactional
    @Operation(operationId = "listJobSubmissions",
            summary = "Every submission of a job: approved, rejected and pending")
    public ListResponse<SubmissionResponse> submissions(@RestPath("job_id") String jobId, @RestQuery String status,
            @RestQuery String limit, @RestQuery String cursor) {
        queries.ownedJob(caller.orgId(), jobId);
        PageRequest page = PageRequest.of(limit, cursor, SUBMISSIONS, cursors);
        var filter = new SubmissionRepository.Filter(caller.orgId(), null, jobId, SubmissionQueries.status(status),
                null, null, null);
        return ListResponse.of(submissions.listPage(filter, page.afterId(), page.fetchSize()), page, SUBMISSIONS,
                cursors, s -> s.id, s -> SubmissionMapper.toBuyerResponse(s, urls));
    }
}
