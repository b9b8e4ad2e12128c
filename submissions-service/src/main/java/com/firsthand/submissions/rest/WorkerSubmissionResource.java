package com.firsthand.submissions.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.firsthand.submissions.rest.model.SubmissionResponse;
import com.firsthand.common.api.ApiException;
import com.firsthand.common.auth.Audience;
import com.firsthand.common.auth.Authenticated;
import com.firsthand.common.auth.CallerContext;
import com.firsthand.common.idempotency.IdempotencyService;
import com.firsthand.submissions.config.StorageConfig;
import com.firsthand.submissions.domain.Submission;
import com.firsthand.submissions.domain.WorkRefusedException;
import com.firsthand.submissions.mapping.SubmissionMapper;
import com.firsthand.submissions.service.UploadFileNames;
import com.firsthand.submissions.service.UploadSubmission;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import com.firsthand.common.api.ErrorCodes;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * Uploads: the multipart body is streamed to disk by the framework and checked against the limits here, the
 * Idempotency-Key is honoured here; {@link UploadSubmission} does the rest.
 */
@Path("/v1/worker/jobs/{job_id}/submissions")
@Authenticated(Audience.WORKER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Worker")
public class WorkerSubmissionResource {

    static final int MAX_NOTE = 1_000;

    private final UploadSubmission upload;
    private final IdempotencyService idempotency;
    private final CallerContext caller;
    private final StorageConfig config;

    public WorkerSubmissionResource(UploadSubmission upload, IdempotencyService idempotency, CallerContext caller,
            StorageConfig config) {
        this.upload = upload;
        this.idempotency = idempotency;
        this.caller = caller;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubmissionResponse.class)))
    @Extension(name = ErrorCodes.EXTENSION, value = "409:" + WorkRefusedException.NO_ACTIVE_ASSIGNMENT + ",413:"
            + UploadAdmissionFilter.FILE_TOO_LARGE + ",415:" + UnsupportedFileTypeExceptionMapper.UNSUPPORTED_FILE_TYPE
            + ",429:" + UploadAdmissionFilter.TOO_MANY_CONCURRENT_UPLOADS + ",503:"
            + UploadAdmissionFilter.UPLOAD_CAPACITY_EXHAUSTED + ",503:" + StorageExceptionMapper.STORAGE_UNAVAILABLE)
    @Operation(operationId = "uploadSubmission",
            summary = "Upload a file (form field 'file', optional 'note') with your active assignment")
    public Response upload(@RestHeader("Idempotency-Key") String key, UriInfo uri, @RestPath("job_id") String jobId,
            @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
                    schema = @Schema(implementation = UploadFormDocument.class))) MultipartFormDataInput input) {
        UploadForm file = UploadForm.of(input);
        String note = file.note();
        UploadFileNames.check(file.fileName());
        if (file.size() > config.maxFileBytes()) {
            throw new ApiException(413, ApiException.INVALID_REQUEST, UploadAdmissionFilter.FILE_TOO_LARGE,
                    "The file is " + file.size() + " bytes; at most " + config.maxFileBytes() + " are accepted.",
                    "file");
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw ApiException.invalidParam("note", "note must be at most " + MAX_NOTE + " characters.");
        }
        String path = uri.getPath();
        return upload.upload(caller.workerId(), jobId, file.file(), note, new UploadSubmission.Once<>() {
            @Override
            public Optional<Response> completed(Map<String, String> request) {
                return idempotency.replayIfCompleted(key, "POST", path, request);
            }

            @Override
            public Response run(Map<String, String> request, Supplier<Submission> record) {
                return idempotency.execute(key, "POST", path, request,
                        () -> Response.ok(SubmissionMapper.toResponse(record.get(), null)).build());
            }
        });
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
