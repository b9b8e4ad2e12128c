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
import java.util.Set;
import java.util.TreeSet;

/** Applies job events to the replica; a status older than the one held is ignored (events may reorder). */
@ApplicationScoped
public class JobReplication {

    static final String CANCELLED_REASON = "The buyer cancelled this job before the submission was scored.";

    private final JobReplicaRepository jobs;
    private final SubmissionRepository submissions;
    private final AssignmentRepository assignments;
    private final SlotCapacity capacity;
    private final SubmissionOutcomes outcomes;
    private final EndUnusedHold endHold;
    private final WorkerEvents workerEvents;

    public JobReplication(JobReplicaRepository jobs, SubmissionRepository submissions,
            AssignmentRepository assignments, SlotCapacity capacity, SubmissionOutcomes outcomes,
            EndUnusedHold endHold, WorkerEvents workerEvents) {
        this.jobs = jobs;
        this.submissions = submissions;
        this.assignments = assignments;
        this.capacity = capacity;
        this.outcomes = outcomes;
        this.endHold = endHold;
        this.workerEvents = workerEvents;
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
        } else if (JobStatuses.COMPLETED.equals(event.to())) {
            releaseHolds(job, Assignment.REASON_JOB_COMPLETED, event.at());
        } else if (JobStatuses.EXPIRED.equals(event.to())) {
            releaseHolds(job, Assignment.REASON_JOB_EXPIRED, event.at());
        }
    }

    /**
     * A cancel rejects what waits for a score and releases held slots; approved files stay. Every worker holding a
     * slot or with a submission pending is told (job.cancelled first), then of each of its slots and submissions.
     */
    private void cancelPendingWork(JobReplica job, Instant at) {
        List<Submission> pending = submissions.list("jobId = ?1 and status = ?2", job.id,
                SubmissionStatuses.PENDING_SCORE);
        List<Assignment> held = heldSlots(job);
        Set<String> affected = new TreeSet<>();
        pending.forEach(submission -> affected.add(submission.workerId));
        held.forEach(assignment -> affected.add(assignment.workerId));
        workerEvents.jobCancelled(job, affected, at);
        for (Submission submission : pending) {
            submission.status = SubmissionStatuses.REJECTED;
            submission.aiReasoning = CANCELLED_REASON;
            submission.scoredAt = at;
            outcomes.changed(submission, SubmissionStatuses.PENDING_SCORE, at);
            workerEvents.submissionRejected(submission, false, at);
        }
        held.forEach(assignment -> endHold.release(assignment, Assignment.REASON_JOB_CANCELLED, at));
        if (!pending.isEmpty() || !held.isEmpty()) {
            job.release(pending.size(), held.size());
            capacity.changed(job);
        }
    }

    /** A completed or expired job takes no more uploads: held slots are released; pending work is still scored. */
    private void releaseHolds(JobReplica job, String reason, Instant at) {
        List<Assignment> held = heldSlots(job);
        held.forEach(assignment -> endHold.release(assignment, reason, at));
        if (!held.isEmpty()) {
            job.release(0, held.size());
            capacity.changed(job);
        }
    }

    /** The job's active slots in worker id order: the order in which workers' feeds are locked. */
    private List<Assignment> heldSlots(JobReplica job) {
        return assignments.list("jobId = ?1 and status = ?2 order by workerId, id", job.id, Assignment.ACTIVE);
    }
}
