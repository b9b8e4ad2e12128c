package com.firsthand.submissions.rest;

import com.firsthand.common.api.ApiException;
import com.firsthand.common.auth.CallerContext;
import com.firsthand.common.idempotency.IdempotencyKeyRequiredFilter;
import com.firsthand.common.idempotency.IdempotencyService;
import com.firsthand.common.ids.Ids;
import com.firsthand.submissions.config.StorageConfig;
import com.firsthand.submissions.config.UploadsConfig;
import com.firsthand.submissions.repository.AssignmentRepository;
import com.firsthand.submissions.domain.WorkRefusedException;
import com.firsthand.submissions.repository.JobReplicaRepository;
import com.firsthand.submissions.service.UploadsInFlight;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Admits an upload from its headers, before the framework spools its body to disk: request filters run ahead of
 * the handler that reads a multipart body (UploadAdmissionTest checks it), on a worker thread since the resource
 * is blocking. The caller (authenticated already) needs an active assignment on the job, fewer than
 * firsthand.uploads.max-in-flight-per-worker uploads in flight, and room in the pod's spool budget for the
 * declared length. The admission is released when the request ends, whichever way it ends.
 */
public class UploadAdmissionFilter {

    public static final String FILE_TOO_LARGE = "file_too_large";
    public static final String TOO_MANY_CONCURRENT_UPLOADS = "too_many_concurrent_uploads";
    public static final String UPLOAD_CAPACITY_EXHAUSTED = "upload_capacity_exhausted";

    /** Room for the multipart framing and the note field around the file. */
    static final long FORM_ALLOWANCE = 64 * 1024;

    private final CallerContext caller;
    private final JobReplicaRepository jobs;
    private final AssignmentRepository assignments;
    private final IdempotencyService idempotency;
    private final UploadsInFlight inFlight;
    private final long maxFileBytes;
    private final long maxBodyBytes;
    private final String retryAfter;

    public UploadAdmissionFilter(CallerContext caller, JobReplicaRepository jobs, AssignmentRepository assignments,
            IdempotencyService idempotency, UploadsInFlight inFlight, StorageConfig storage, UploadsConfig uploads,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.caller = caller;
        this.jobs = jobs;
        this.assignments = assignments;
        this.idempotency = idempotency;
        this.inFlight = inFlight;
        this.maxFileBytes = storage.maxFileBytes();
        this.maxBodyBytes = maxBodySize.map(MemorySize::asLongValue).orElse(maxFileBytes + FORM_ALLOWANCE);
        this.retryAfter = Long.toString(Math.max(1, uploads.retryAfter().toSeconds()));
    }

    @ServerRequestFilter(priority = Priorities.USER)
    public void admit(ContainerRequestContext request, ResourceInfo resource, RoutingContext routing) {
        if (resource.getResourceClass() != WorkerSubmissionResource.class || !"POST".equals(request.getMethod())
                || !caller.isAuthenticated()) {
            return;
        }
        try {
            admit(request, routing);
        } catch (RuntimeException refused) {
            // Refused, or the database is out (a 503 through the exception mappers): the body is not read.
            discardBody(routing.request());
            throw refused;
        }
    }

    /**
     * Lets the unread body of a refused upload flow past, stored nowhere: closing the connection on a client still
     * sending would reset it before it reads the answer.
     */
    private static void discardBody(HttpServerRequest request) {
        try {
            if (!request.isEnded()) {
                request.handler(ignored -> { }).resume();
            }
        } catch (IllegalStateException ended) {
            // Read to its end meanwhile: nothing to discard.
        }
    }

    private void admit(ContainerRequestContext request, RoutingContext routing) {
        long declared = request.getLength();
        if (declared > maxFileBytes + FORM_ALLOWANCE) {
            throw new ApiException(413, ApiException.INVALID_REQUEST, FILE_TOO_LARGE, "The upload is " + declared
                    + " bytes; a file may have at most " + maxFileBytes + ".", "file");
        }
        checkAssignment(request.getUriInfo().getPathParameters().getFirst("job_id"),
                request.getHeaderString(IdempotencyKeyRequiredFilter.HEADER));
        // A body without a declared length is cut by the framework at the body limit: that is its share.
        UploadsInFlight.Admission admission = inFlight.admit(caller.workerId(), declared < 0 ? maxBodyBytes : declared);
        if (admission.refusal() == UploadsInFlight.Refusal.WORKER_BUSY) {
            throw refusal(429, ApiException.RATE_LIMIT, TOO_MANY_CONCURRENT_UPLOADS, "You have uploads in progress"
                    + " already; wait for one to finish and retry after " + retryAfter + " s.");
        }
        if (admission.refusal() == UploadsInFlight.Refusal.SPOOL_FULL) {
            throw refusal(503, ApiException.API, UPLOAD_CAPACITY_EXHAUSTED, "The service is receiving too many"
                    + " uploads right now; retry after " + retryAfter + " s.");
        }
        routing.addEndHandler(ended -> admission.ticket().release());
    }

    private void checkAssignment(String jobId, String idempotencyKey) {
        String workerId = caller.workerId();
        boolean assigned = QuarkusTransaction.requiringNew().call(() -> {
            if (!Ids.isValid(Ids.JOB, jobId) || jobs.findById(jobId) == null) {
                throw ApiException.notFound("job", jobId);
            }
            return assignments.findActive(jobId, workerId).isPresent();
        });
        // A retry of an upload that went through finds its assignment used up: the resource replays the first answer.
        if (!assigned && (idempotencyKey == null || !idempotency.hasCompleted(idempotencyKey))) {
            throw ApiException.conflict(WorkRefusedException.NO_ACTIVE_ASSIGNMENT, "Accept the job first: uploads need an active"
                    + " assignment.");
        }
    }

    private ApiException refusal(int status, String type, String code, String message) {
        return new ApiException(status, type, code, message, null, Map.of("Retry-After", retryAfter));
    }
}
