package com.firsthand.submissions.service;

import com.firsthand.submissions.config.SubmissionsConfig;
import com.firsthand.submissions.domain.Assignment;
import com.firsthand.submissions.repository.AssignmentRepository;
import com.firsthand.submissions.repository.JobReplicaRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Tells a worker that its held slot lapses soon (assignment.expiring, once per hold), as
 * firsthand.submissions.assignment-expiring-notice before it does. A hold shorter than the notice is announced
 * at once.
 */
@ApplicationScoped
public class WarnExpiringHolds {

    private final AssignmentRepository assignments;
    private final JobReplicaRepository jobs;
    private final WorkerEvents workerEvents;
    private final SubmissionsConfig config;
    private final Clock clock;

    public WarnExpiringHolds(AssignmentRepository assignments, JobReplicaRepository jobs, WorkerEvents workerEvents,
            SubmissionsConfig config, Clock clock) {
        this.assignments = assignments;
        this.jobs = jobs;
        this.workerEvents = workerEvents;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${firsthand.submissions.expiry-check:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void warn() {
        Instant now = clock.instant();
        List<String> due = QuarkusTransaction.requiringNew().call(
                () -> assignments.expiringUnannounced(now.plus(config.assignmentExpiringNotice()), 500));
        due.forEach(id -> QuarkusTransaction.requiringNew().run(() -> warnOne(id, now)));
    }

    private void warnOne(String assignmentId, Instant now) {
        // Lock order as everywhere: the job, then the assignment (read fresh under the lock), then the feed.
        String jobId = assignments.jobIdOf(assignmentId).orElse(null);
        if (jobId == null || jobs.findById(jobId, LockModeType.PESSIMISTIC_WRITE) == null) {
            return;
        }
        Assignment assignment = assignments.findById(assignmentId, LockModeType.PESSIMISTIC_WRITE);
        if (assignment == null || !assignment.dueExpiringNotice(config.assignmentExpiringNotice(), now)) {
            return;
        }
        assignment.expiringNoticeSent(now);
        workerEvents.assignmentExpiring(assignment, now);
    }
}
