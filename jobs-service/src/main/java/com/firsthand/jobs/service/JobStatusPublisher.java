package com.firsthand.jobs.service;

import com.firsthand.common.outbox.Outbox;
import com.firsthand.events.JobStatusChanged;
import com.firsthand.events.Topics;
import com.firsthand.jobs.domain.Job;
import com.firsthand.jobs.domain.StatusTransition;
import com.firsthand.jobs.repository.JobStatusSignals;
import jakarta.enterprise.context.ApplicationScoped;

/** Announces a status transition: job.status_changed through the outbox, and a wake-up for long-polls. */
@ApplicationScoped
public class JobStatusPublisher {

    private final Outbox outbox;
    private final JobStatusSignals signals;

    public JobStatusPublisher(Outbox outbox, JobStatusSignals signals) {
        this.outbox = outbox;
        this.signals = signals;
    }

    public void published(Job job, StatusTransition transition) {
        if (transition == null) {
            return;
        }
        outbox.append(Topics.JOB_STATUS_CHANGED, "job", job.id, job.orgId, transition.at(),
                new JobStatusChanged(job.id, job.orgId, transition.from().wireName(), transition.to().wireName(),
                        transition.at(), job.filesApproved, job.filesNeeded));
        signals.signal(job.id);
    }
}
