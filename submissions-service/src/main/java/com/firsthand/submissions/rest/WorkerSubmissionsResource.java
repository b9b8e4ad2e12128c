package com.firsthand.submissions.rest;

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

    public WorkerSubmissionsResource(SubmissionRepository submissions, PayoutRepository payouts,
            SubmissionQueries queries, CallerContext caller, CursorCodec cursors) {
        this.submissions = submissions;
        this.payouts = payouts;
        this.queries = queries;
        this.caller = caller;
        this.cursors = cursors;
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
