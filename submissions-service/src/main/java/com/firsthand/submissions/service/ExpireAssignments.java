package com.firsthand.submissions.service;

import com.firsthand.submissions.domain.Assignment;
import com.firsthand.submissions.domain.JobReplica;
import com.firsthand.submissions.repository.AssignmentRepository;
import com.firsthand.submissions.repository.JobReplicaRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Frees the slot of an assignment not used before it expired; the worker is told (assignment.released). */
@ApplicationScoped
public class ExpireAssignments {

    private final AssignmentRepository assignments;
    private final JobReplicaRepository jobs;
    private final SlotCapacity capacity;
    private final EndUnusedHold endHold;
    private final Clock clock;

    public ExpireAssignments(AssignmentRepository assignments, JobReplicaRepository jobs, SlotCapacity capacity,
            EndUnusedHold endHold, Clock clock) {
        this.assignments = assignments;
        this.jobs = jobs;
        this.capacity = capacity;
        this.endHold = endHold;
        this.clock = clock;
    }

    @Scheduled(every = "${firsthand.submissions.expiry-check:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        Instant now = clock.instant();
        List<String> expired = QuarkusTransaction.requiringNew()
                .call(() -> assignments.expiredActive(now, 500).stream().map(a -> a.id).toList());
        expired.forEach(id -> QuarkusTransaction.requiringNew().run(() -> expireOne(id, now)));
    }

    private void expireOne(String assignmentId, Instant now) {
        // Lock order: the job first, as accept and upload do. Only the job id is read before that: an assignment
        // loaded now would stay in the persistence context, and locking it later would not re-read it, so an upload
        // or release committed meanwhile would be overwritten.
        String jobId = assignments.jobIdOf(assignmentId).orElse(null);
        if (jobId == null) {
            return;
        }
        JobReplica job = jobs.findById(jobId, LockModeType.PESSIMISTIC_WRITE);
        Assignment assignment = assignments.findById(assignmentId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || assignment == null || !assignment.isActive()
                || !assignment.expiresAt.isBefore(now)) {
            return;
        }
        endHold.expire(assignment, now);
        job.expireHold();
        capacity.changed(job);
    }
}
