package com.firsthand.submissions.service;

import com.firsthand.common.inbox.EventNotYetApplicable;
import com.firsthand.events.JobCreated;
import com.firsthand.events.JobStatusChanged;
import com.firsthand.events.JobStatuses;
import com.firsthand.events.SubmissionStatuses;
import com.firsthand.submissions.domain.Assignment;
import com.firsthand.submissions.domain.JobReplica;
import com.firsthand.submissions.domain.Submission;
import com.firsthand.submissions.repository.AssignmentRepository;
import com.firsthand.submissions.repository.JobReplicaRepository;
import com.firsthand.submissions.repository.SubmissionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Applies job events to the replica; a status older than the one held is ignored (events may reorder). */
@ApplicationScoped
public class JobReplication {

    static final String CANCELLED_REASON = "The buyer cancelled this job before the submission was scored.";

    private final JobReplicaRepository jobs;
    private final SubmissionRepository submissions;
    private final AssignmentRepository assignments;
    private final SlotCapacity capacity;
    private final SubmissionOutcomes outcomes;

    public JobReplication(JobReplicaRepository jobs, SubmissionRepository submissions,
            AssignmentRepository assignments, SlotCapacity capacity, SubmissionOutcomes outcomes) {
        this.jobs = jobs;
        this.submissions = submissions;
        this.assignments = assignments;
        this.capacity = capacity;
        this.outcomes = outcomes;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void created(JobCreated event) {
        if (jobs.findById(event.jobId()) != null) {
            return;
        }
        JobReplica job = new JobReplica();
        job.id = event.jobId();
        job.orgId = event.orgId();
        job.status = event.status();
        job.type = event.type();
        job.description = event.description();
        job.filesNeeded = event.filesNeeded();
        job.acceptedFormats = event.acceptedFormats();
        job.pricePerFileCents = event.pricePerFileCents();
        job.locationLat = event.locationLat();
        job.locationLng = event.locationLng();
        job.locationRadiusKm = event.locationRadiusKm();
        job.locationRequired = Boolean.TRUE.equals(event.locationRequired());
        job.deadline = event.deadline();
        job.maxWorkers = event.maxWorkers();
        job.minWidth = event.minWidth();
        job.minHeight = event.minHeight();
        job.createdAt = event.createdAt();
        job.statusChangedAt = event.createdAt();
        jobs.persist(job);
    }

    /**
     * job.created and job.status_changed are separate topics, so a status change can overtake the job's creation.
     * It is then refused: the consumer retries it with backoff until the replica exists (for up to
     * firsthand.consumers.dependency-wait, then it is dead-lettered), instead of losing it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(JobStatusChanged event) {
        JobReplica job = jobs.findById(event.jobId(), LockModeType.PESSIMISTIC_WRITE);
        if (job == null) {
            throw new EventNotYetApplicable("job " + event.jobId() + " is not replicated yet; retried until it is");
        }
        if (event.at().isBefore(job.statusChangedAt)) {
            return;
        }
        job.status = event.to();
        job.statusChangedAt = event.at();
        if (JobStatuses.CANCELLED.equals(event.to())) {
            cancelPendingWork(job, event.at());
        }
    }

    /** A cancel rejects what waits for a score and releases held slots; approved files stay. */
    private void cancelPendingWork(JobReplica job, Instant at) {
        List<Submission> pending = submissions.list("jobId = ?1 and status = ?2", job.id,
                SubmissionStatuses.PENDING_SCORE);
        for (Submission submission : pending) {
            submission.status = SubmissionStatuses.REJECTED;
            submission.aiReasoning = CANCELLED_REASON;
            submission.scoredAt = at;
            outcomes.changed(submission, SubmissionStatuses.PENDING_SCORE, at);
        }
        List<Assignment> held = assignments.list("jobId = ?1 and status = ?2", job.id, Assignment.ACTIVE);
        held.forEach(assignment -> {
            assignment.status = Assignment.RELEASED;
            assignment.updatedAt = at;
        });
        if (!pending.isEmpty() || !held.isEmpty()) {
            job.release(pending.size(), held.size());
            capacity.changed(job);
        }
    }
}
