package com.firsthand.jobs.service;

import com.firsthand.jobs.domain.Job;
import com.firsthand.jobs.domain.JobStatus;
import com.firsthand.jobs.repository.JobRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Moves jobs whose deadline passed to expired: no new work is accepted. Submissions already uploaded are still
 * scored, and approvals still count toward files_approved, but the job stays expired.
 */
@ApplicationScoped
public class ExpireOverdueJobs {

    private final JobRepository jobs;
    private final JobStatusPublisher publisher;
    private final Clock clock;

    public ExpireOverdueJobs(JobRepository jobs, JobStatusPublisher publisher, Clock clock) {
        this.jobs = jobs;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Scheduled(every = "${firsthand.jobs.expiry-check:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireOverdue() {
        Instant now = clock.instant();
        List<String> overdue = QuarkusTransaction.requiringNew().call(() -> jobs.overdueIds(now, 500));
        for (String jobId : overdue) {
            QuarkusTransaction.requiringNew().run(() -> {
                Job job = jobs.findById(jobId, LockModeType.PESSIMISTIC_WRITE);
                if (job != null && job.status != JobStatus.EXPIRED && job.deadline.isBefore(now)) {
                    publisher.published(job, job.expire(now));
                }
            });
        }
    }
}
