package com.firsthand.submissions.rest;

import com.firsthand.common.api.ApiException;
import com.firsthand.common.auth.Audience;
import com.firsthand.common.auth.Authenticated;
import com.firsthand.common.auth.CallerContext;
import com.firsthand.common.idempotency.IdempotencyService;
import com.firsthand.common.ids.Ids;
import com.firsthand.submissions.config.StorageConfig;
import com.firsthand.submissions.domain.JobReplica;
import com.firsthand.submissions.mapping.SubmissionMapper;
import com.firsthand.submissions.repository.AssignmentRepository;
import com.firsthand.submissions.repository.FileStorage;
import com.firsthand.submissions.repository.JobReplicaRepository;
import com.firsthand.submissions.service.FileInspector;
import com.firsthand.submissions.service.UploadFileNames;
import com.firsthand.submissions.service.UploadSubmission;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/** Uploads: multipart, streamed to disk by the framework, then to the object store. */
@Path("/v1/worker/jobs/{job_id}/submissions")
@Authenticated(Audience.WORKER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Worker")
public class WorkerSubmissionResource {

    static final int MAX_NOTE = 1_000;

    private final JobReplicaRepository jobs;
    private final AssignmentRepository assignments;
    private final FileStorage storage;
    private final UploadSubmission upload;
    private final IdempotencyService idempotency;
    private final CallerContext caller;
    private final StorageConfig config;
    private final FileInspector inspector;

    public WorkerSubmissionResource(JobReplicaRepository jobs, AssignmentRepository assignments, FileStorage storage,
            UploadSubmission upload, IdempotencyService idempotency, CallerContext caller, StorageConfig config) {
        this.jobs = jobs;
        this.assignments = assignments;
        this.storage = storage;
        this.upload = upload;
        this.idempotency = idempotency;
        this.caller = caller;
        this.config = config;
        this.inspector = new FileInspector(config.maxImagePixels());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a file (form field 'file', optional 'note') with your active assignment")
    public Response upload(@RestHeader("Idempotency-Key") String key, UriInfo uri, @RestPath("job_id") String jobId,
            @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
                    schema = @Schema(implementation = UploadFormDocument.class))) MultipartFormDataInput input) {
        UploadForm file = UploadForm.of(input);
        String note = file.note();
        UploadFileNames.check(file.fileName());
        if (file.size() > config.maxFileBytes()) {
            throw new ApiException(413, ApiException.INVALID_REQUEST, "file_too_large",
                    "The file is " + file.size() + " bytes; at most " + config.maxFileBytes() + " are accepted.",
                    "file");
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw ApiException.invalidParam("note", "note must be at most " + MAX_NOTE + " characters.");
        }
        String workerId = caller.workerId();
        Precheck precheck = QuarkusTransaction.requiringNew().call(() -> {
            JobReplica found = Ids.isValid(Ids.JOB, jobId) ? jobs.findById(jobId) : null;
            if (found == null) {
                throw ApiException.notFound("job", jobId);
            }
            return new Precheck(found, assignments.findActive(jobId, workerId).isPresent());
        });
        JobReplica job = precheck.job();
        FileInspector.Inspection inspection = inspector.inspect(file.file());
        Map<String, String> request = note == null ? Map.of("sha256", inspection.sha256())
                : Map.of("sha256", inspection.sha256(), "note", note);
        if (!precheck.assigned()) {
            // A retry of an upload that went through finds its assignment used up: it gets the first answer again.
            return idempotency.replayIfCompleted(key, "POST", uri.getPath(), request).orElseThrow(() ->
                    ApiException.conflict("no_active_assignment", "Accept the job first: uploads need an active"
                            + " assignment."));
        }
        if (!job.acceptedFormats.contains(inspection.contentType())) {
            throw new ApiException(415, ApiException.INVALID_REQUEST, "unsupported_file_type", "The file is "
                    + inspection.contentType() + " (read from its bytes); this job accepts "
                    + String.join(", ", job.acceptedFormats) + ".", "file");
        }
        String submissionId = Ids.next(Ids.SUBMISSION);
        String objectKey = FileStorage.quarantineKey(job.orgId, jobId, submissionId);
        storage.put(objectKey, file.file(), inspection.contentType());
        UploadSubmission.StoredFile stored = new UploadSubmission.StoredFile(submissionId, storage.bucket(), objectKey,
                inspection.contentType(), inspection.sizeBytes(), inspection.sha256(), inspection.width(),
                inspection.height(), note);
        return QuarkusTransaction.requiringNew().call(() -> idempotency.execute(key, "POST", uri.getPath(), request,
                () -> Response.ok(SubmissionMapper.toResponse(upload.record(workerId, jobId, stored), null)).build()));
    }

    private record Precheck(JobReplica job, boolean assigned) {
    }

    /** The form as the API reference describes it, for the OpenAPI document; {@link UploadForm} reads it. */
    @Schema(name = "UploadForm")
    public static final class UploadFormDocument {
        @Schema(type = SchemaType.STRING, format = "binary", required = true, description = "The file; one per request")
        public String file;
        @Schema(maxLength = MAX_NOTE, description = "A note for the buyer")
        public String note;
    }
}
