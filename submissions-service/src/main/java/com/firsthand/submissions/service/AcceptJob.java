package com.firsthand.submissions.service;

import com.firsthand.common.errors.ResourceNotFoundException;
import com.firsthand.common.ids.Ids;
import com.firsthand.events.SubmissionStatuses;
import com.firsthand.submissions.config.SubmissionsConfig;
import com.firsthand.submissions.domain.Assignment;
import com.firsthand.submissions.domain.JobReplica;
import com.firsthand.submissions.domain.WorkRefusedException;
import com.firsthand.submissions.repository.AssignmentRepository;
import com.firsthand.submissions.repository.JobReplicaRepository;
import com.firsthand.submissions.repository.SubmissionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A worker takes a slot on a job. The job row is locked for the check and the hold, so approved + pending +
 * held never exceeds files_needed however many workers accept at once. Accepting again after a rejection moves
 * the rejected submission to retry_pending, waiting on the new slot.
 */
@ApplicationScoped
public class AcceptJob {

    private final JobReplicaRepository jobs;
    private final AssignmentRepository assignments;
    private final SubmissionRepository submissions;
    private final SlotCapacity capacity;
    private final SubmissionOutcomes outcomes;
    private final SubmissionsConfig config;
    private final Clock clock;

    public AcceptJob(JobReplicaRepository jobs, AssignmentRepository assignments, SubmissionRepository submissions,
            SlotCapacity capacity, SubmissionOutcomes outcomes, SubmissionsConfig config, Clock clock) {
        this.jobs = jobs;
        this.assignments = assignments;
        this.submissions = submissions;
        this.capacity = capacity;
        this.outcomes = outcomes;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Assignment accept(String workerId, String jobId) {
        JobReplica job = Ids.isValid(Ids.JOB, jobId) ? jobs.findById(jobId, LockModeType.PESSIMISTIC_WRITE) : null;
        if (job == null) {
            throw new ResourceNotFoundException("job", jobId);
        }
        // Micros, as PostgreSQL keeps it: the answer shows the same expires_at as every later read.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        job.requireOpen(now);
        if (assignments.findActive(jobId, workerId).isPresent()) {
            throw new WorkRefusedException(WorkRefusedException.ASSIGNMENT_EXISTS,
                    "You already hold a slot on this job; upload with it before accepting again.");
        }
        job.requireFreeSlot();
        if (job.maxWorkers != null && assignments.activeWorkers(jobId) >= job.maxWorkers) {
            throw new WorkRefusedException(WorkRefusedException.MAX_WORKERS_REACHED,
                    "This job already has its maximum of " + job.maxWorkers + " active workers.");
        }
        Assignment assignment = new Assignment();
        assignment.id = Ids.next(Ids.ASSIGNMENT);
        assignment.jobId = jobId;
        assignment.orgId = job.orgId;
        assignment.workerId = workerId;
        assignment.status = Assignment.ACTIVE;
        assignment.expiresAt = now.plus(config.assignmentTtl());
        assignment.createdAt = now;
        assignment.updatedAt = now;
        assignments.persist(assignment);
        submissions.latestRejected(jobId, workerId).ifPresent(rejected -> {
            rejected.retryWith(assignment.id);
            outcomes.changed(rejected, SubmissionStatuses.REJECTED, now);
        });
        job.hold();
        capacity.changed(job);
        return assignment;
    }
}
