package com.firsthand.jobs.service;

import com.firsthand.events.JobCapacityChanged;
import com.firsthand.jobs.domain.Job;
import com.firsthand.jobs.repository.JobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Applies the worker side's slot counts to a job: files_approved, filled ⇄ open, completed. */
@ApplicationScoped
public class RecordJobProgress {

    private static final Logger LOG = Logger.getLogger(RecordJobProgress.class);

    private final JobRepository jobs;
    private final JobStatusPublisher publisher;
    private final Clock clock;

    public RecordJobProgress(JobRepository jobs, JobStatusPublisher publisher, Clock clock) {
        this.jobs = jobs;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(JobCapacityChanged capacity) {
        Job job = jobs.findById(capacity.jobId(), LockModeType.PESSIMISTIC_WRITE);
        if (job == null) {
            LOG.warnf("Capacity for unknown job %s ignored", capacity.jobId());
            return;
        }
        publisher.published(job, job.applyProgress(capacity.sequence(), capacity.approved(), capacity.pending(),
                capacity.held(), capacity.rejected(), capacity.averageRating(), clock.instant()));
    }
}
