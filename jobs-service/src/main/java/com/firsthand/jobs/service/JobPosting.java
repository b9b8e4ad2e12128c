package com.firsthand.jobs.service;

import com.firsthand.common.ids.Ids;
import com.firsthand.common.outbox.Outbox;
import com.firsthand.events.AggregateTypes;
import com.firsthand.events.JobCreated;
import com.firsthand.events.Topics;
import com.firsthand.jobs.domain.Job;
import com.firsthand.jobs.domain.JobDraft;
import com.firsthand.jobs.domain.JobStatus;
import com.firsthand.jobs.repository.JobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** Posts a buyer's job: stores it open and announces it (job.created) to the worker side. */
@ApplicationScoped
public class JobPosting {

    private final JobRepository jobs;
    private final Outbox outbox;
    private final Clock clock;

    public JobPosting(JobRepository jobs, Outbox outbox, Clock clock) {
        this.jobs = jobs;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Job post(String orgId, JobDraft draft) {
        Instant now = clock.instant();
        Job job = new Job();
        job.id = Ids.next(Ids.JOB);
        job.orgId = orgId;
        job.status = JobStatus.OPEN;
        job.type = draft.type().wireName();
        job.description = draft.description();
        job.filesNeeded = draft.filesNeeded();
        job.acceptedFormats = draft.acceptedFormats();
        job.pricePerFileCents = draft.pricePerFileCents();
        if (draft.location() != null) {
            job.locationLat = draft.location().lat();
            job.locationLng = draft.location().lng();
            job.locationRadiusKm = draft.location().radiusKm();
            job.locationRequired = draft.location().required();
        }
        job.deadline = draft.deadline();
        job.maxWorkers = draft.maxWorkers();
        job.metadata = draft.metadata();
        job.minWidth = draft.minWidth();
        job.minHeight = draft.minHeight();
        job.createdAt = now;
        job.updatedAt = now;
        jobs.persist(job);
        outbox.append(Topics.JOB_CREATED, AggregateTypes.JOB, job.id, orgId, now, new JobCreated(job.id, orgId,
                job.status.wireName(), job.type, job.description, job.filesNeeded, job.acceptedFormats,
                job.pricePerFileCents, job.locationLat, job.locationLng, job.locationRadiusKm, job.deadline,
                job.maxWorkers, job.metadata, job.minWidth, job.minHeight, job.createdAt, job.locationRequired));
        return job;
    }
}
