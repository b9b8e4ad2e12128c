package com.firsthand.jobs.service;

import com.firsthand.jobs.domain.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** A buyer cancels a job: no new work; submissions-service rejects what is pending; approved files stay. */
@ApplicationScoped
public class CancelJob {

    private final JobQueries queries;
    private final JobStatusPublisher publisher;
    private final Clock clock;

    public CancelJob(JobQueries queries, JobStatusPublisher publisher, Clock clock) {
        this.queries = queries;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Job cancel(String orgId, String jobId) {
        Job job = queries.getForUpdate(orgId, jobId);
        publisher.published(job, job.cancel(clock.instant()));
        return job;
    }
}
