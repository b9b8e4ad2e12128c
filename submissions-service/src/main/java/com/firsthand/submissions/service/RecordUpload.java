package com.firsthand.submissions.service;

import com.firsthand.common.outbox.Outbox;
import com.firsthand.events.AggregateTypes;
import com.firsthand.events.SubmissionStatuses;
import com.firsthand.events.Topics;
import com.firsthand.submissions.domain.Assignment;
import com.firsthand.submissions.domain.JobReplica;
import com.firsthand.submissions.domain.Submission;
import com.firsthand.submissions.domain.WorkRefusedException;
import com.firsthand.submissions.mapping.UploadEvents;
import com.firsthand.submissions.repository.AssignmentRepository;
import com.firsthand.submissions.repository.JobReplicaRepository;
import com.firsthand.submissions.repository.SubmissionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Records a stored upload as a submission waiting for its score: the worker's slot moves from held to pending
 * and submission.uploaded goes out, in one transaction. The job and the assignment are read again under the job's
 * lock, as accept and expiry take it: the check {@link UploadSubmission} made before storing ran in another
 * transaction. A rejected submission the slot was taken to retry is rejected again, naming the new attempt.
 */
@ApplicationScoped
public class RecordUpload {

    private final JobReplicaRepository jobs;
    private final AssignmentRepository assignments;
    private final SubmissionRepository submissions;
    private final SlotCapacity capacity;
    private final Outbox outbox;
    private final EndUnusedHold retries;
    private final Clock clock;

    public RecordUpload(JobReplicaRepository jobs, AssignmentRepository assignments,
            SubmissionRepository submissions, SlotCapacity capacity, Outbox outbox, EndUnusedHold retries,
            Clock clock) {
        this.jobs = jobs;
        this.assignments = assignments;
        this.submissions = submissions;
        this.capacity = capacity;
        this.outbox = outbox;
        this.retries = retries;
        this.clock = clock;
    }

    public record StoredFile(String submissionId, String bucket, String objectKey, String contentType, long sizeBytes,
            String sha256, Integer width, Integer height, String note) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Submission record(String workerId, String jobId, StoredFile file) {
        JobReplica job = jobs.findById(jobId, LockModeType.PESSIMISTIC_WRITE);
        Assignment assignment = assignments.findActive(jobId, workerId)
                .orElseThrow(WorkRefusedException::noActiveAssignment);
        Instant now = clock.instant();
        Submission submission = new Submission();
        submission.id = file.submissionId();
        submission.jobId = jobId;
        submission.orgId = job.orgId;
        submission.workerId = workerId;
        submission.assignmentId = assignment.id;
        submission.status = SubmissionStatuses.PENDING_SCORE;
        submission.contentType = file.contentType();
        submission.sizeBytes = file.sizeBytes();
        submission.sha256 = file.sha256();
        submission.objectKey = file.objectKey();
        submission.note = file.note();
        submission.submittedAt = now;
        submissions.persist(submission);
        assignment.submit(now);
        retries.closeRetry(assignment.id, submission.id, now);
        job.recordUpload();
        capacity.changed(job);
        outbox.append(Topics.SUBMISSION_UPLOADED, AggregateTypes.SUBMISSION, submission.id, job.orgId, now,
                UploadEvents.uploaded(submission, job, file.bucket(), file.width(), file.height(), now));
        return submission;
    }
}
