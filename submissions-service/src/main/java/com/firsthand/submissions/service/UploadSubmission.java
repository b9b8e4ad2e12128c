package com.firsthand.submissions.service;

import com.firsthand.common.errors.ResourceNotFoundException;
import com.firsthand.common.ids.Ids;
import com.firsthand.submissions.config.StorageConfig;
import com.firsthand.submissions.domain.JobReplica;
import com.firsthand.submissions.domain.Submission;
import com.firsthand.submissions.domain.UnsupportedFileTypeException;
import com.firsthand.submissions.domain.WorkRefusedException;
import com.firsthand.submissions.repository.AssignmentRepository;
import com.firsthand.submissions.repository.FileStorage;
import com.firsthand.submissions.repository.JobReplicaRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A worker's upload, whole: the job and the worker's assignment are checked, the file is inspected (type from its
 * bytes, size, hash, dimensions) and must be of a type the job accepts, it is stored in quarantine, then
 * {@link RecordUpload} records it. The object store is written between two short transactions, never inside one;
 * the file is stored first, so a submission never points at a missing file, and a crash in between leaves only an
 * unreferenced object, which {@link SweepOrphanUploads} deletes.
 */
@ApplicationScoped
public class UploadSubmission {

    private final JobReplicaRepository jobs;
    private final AssignmentRepository assignments;
    private final FileStorage storage;
    private final RecordUpload recordUpload;
    private final FileInspector inspector;

    public UploadSubmission(JobReplicaRepository jobs, AssignmentRepository assignments, FileStorage storage,
            RecordUpload recordUpload, StorageConfig config) {
        this.jobs = jobs;
        this.assignments = assignments;
        this.storage = storage;
        this.recordUpload = recordUpload;
        this.inspector = new FileInspector(config.maxImagePixels());
    }

    /**
     * How the caller makes the upload happen once per request; the request is what identifies it: the file's
     * SHA-256 and the note.
     */
    public interface Once<R> {

        /** The answer to this request when it already went through (its assignment is used up by then). */
        Optional<R> completed(Map<String, String> request);

        /** Runs {@code record} for this request, in the transaction it is called in, unless it ran already. */
        R run(Map<String, String> request, Supplier<Submission> record);
    }

    public <R> R upload(String workerId, String jobId, Path file, String note, Once<R> once) {
        Precheck precheck = QuarkusTransaction.requiringNew().call(() -> {
            JobReplica found = Ids.isValid(Ids.JOB, jobId) ? jobs.findById(jobId) : null;
            if (found == null) {
                throw new ResourceNotFoundException("job", jobId);
            }
            return new Precheck(found, assignments.findActive(jobId, workerId).isPresent());
        });
        JobReplica job = precheck.job();
        FileInspector.Inspection inspection = inspector.inspect(file);
        Map<String, String> request = note == null ? Map.of("sha256", inspection.sha256())
                : Map.of("sha256", inspection.sha256(), "note", note);
        if (!precheck.assigned()) {
            // A retry of an upload that went through finds its assignment used up: it gets the first answer again.
            return once.completed(request).orElseThrow(WorkRefusedException::noActiveAssignment);
        }
        if (!job.acceptedFormats.contains(inspection.contentType())) {
            throw new UnsupportedFileTypeException(inspection.contentType(), job.acceptedFormats);
        }
        String submissionId = Ids.next(Ids.SUBMISSION);
        String objectKey = FileStorage.quarantineKey(job.orgId, jobId, submissionId);
        storage.put(objectKey, file, inspection.contentType());
        RecordUpload.StoredFile stored = new RecordUpload.StoredFile(submissionId, storage.bucket(), objectKey,
                inspection.contentType(), inspection.sizeBytes(), inspection.sha256(), inspection.width(),
                inspection.height(), note);
        return QuarkusTransaction.requiringNew().call(() -> once.run(request,
                () -> recordUpload.record(workerId, jobId, stored)));
    }

    private record Precheck(JobReplica job, boolean assigned) {
    }
}
