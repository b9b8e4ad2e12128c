package com.firsthand.submissions.service;

import com.firsthand.events.JobCreated;
import com.firsthand.events.JobStatusChanged;
import com.firsthand.submissions.domain.JobReplica;
import com.firsthand.submissions.repository.JobReplicaRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Applies job events to the replica; a status older than the one held is ignored (events may reorder). */
@ApplicationScoped
public class JobReplication {

    private final JobReplicaRepository jobs;

    public JobReplication(JobReplicaRepository jobs) {
        this.jobs = jobs;
    }

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
        job.deadline = event.deadline();
        job.maxWorkers = event.maxWorkers();
        job.minWidth = event.minWidth();
        job.minHeight = event.minHeight();
        job.createdAt = event.createdAt();
        job.statusChangedAt = event.createdAt();
        jobs.persist(job);
    }

    public void statusChanged(JobStatusChanged event) {
        JobReplica job = jobs.findById(event.jobId());
        if (job == null || event.at().isBefore(job.statusChangedAt)) {
            return;
        }
        job.status = event.to();
        job.statusChangedAt = event.at();
    }
}
