package com.firsthand.jobs.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.firsthand.common.outbox.Outbox;
import com.firsthand.events.AggregateTypes;
import com.firsthand.events.JobStatusChanged;
import com.firsthand.events.Topics;
import com.firsthand.jobs.domain.Job;
import com.firsthand.jobs.domain.StatusTransition;
import com.firsthand.jobs.mapping.JobMapper;
import com.firsthand.jobs.repository.JobStatusSignals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * Announces a status transition: job.status_changed through the outbox, carrying the job as the API shows it
 * (rendered by the API's own ObjectMapper), and a wake-up for long-polls.
 */
@ApplicationScoped
public class JobStatusPublisher {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final Outbox outbox;
    private final JobStatusSignals signals;
    private final ObjectMapper apiJson;

    public JobStatusPublisher(Outbox outbox, JobStatusSignals signals, ObjectMapper apiJson) {
        this.outbox = outbox;
        this.signals = signals;
        this.apiJson = apiJson;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void published(Job job, StatusTransition transition) {
        if (transition == null) {
            return;
        }
        Map<String, Object> object = apiJson.convertValue(JobMapper.toResponse(job), JSON_OBJECT);
        outbox.append(Topics.JOB_STATUS_CHANGED, AggregateTypes.JOB, job.id, job.orgId, transition.at(),
                new JobStatusChanged(job.id, job.orgId, transition.from().wireName(), transition.to().wireName(),
                        transition.at(), job.filesApproved, job.filesNeeded, object));
        signals.signal(job.id);
    }
}
