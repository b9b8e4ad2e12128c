package com.firsthand.jobs.service;

import com.firsthand.common.errors.InvalidParameterException;
import com.firsthand.common.errors.ResourceNotFoundException;
import com.firsthand.common.ids.Ids;
import com.firsthand.common.paging.PageRequest;
import com.firsthand.jobs.domain.Job;
import com.firsthand.jobs.domain.JobStatus;
import com.firsthand.jobs.domain.JobType;
import com.firsthand.jobs.repository.JobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What a buyer can read about its own jobs; another organisation's job does not exist for it. */
@ApplicationScoped
public class JobQueries {

    private final JobRepository jobs;

    public JobQueries(JobRepository jobs) {
        this.jobs = jobs;
    }

    public Job get(String orgId, String jobId) {
        if (!Ids.isValid(Ids.JOB, jobId)) {
            throw new ResourceNotFoundException("job", jobId);
        }
        return jobs.findOwned(orgId, jobId).orElseThrow(() -> new ResourceNotFoundException("job", jobId));
    }

    /** The job, locked for the rest of the transaction. */
    public Job getForUpdate(String orgId, String jobId) {
        if (!Ids.isValid(Ids.JOB, jobId)) {
            throw new ResourceNotFoundException("job", jobId);
        }
        return jobs.findOwnedForUpdate(orgId, jobId).orElseThrow(() -> new ResourceNotFoundException("job", jobId));
    }

    public List<Job> list(String orgId, String status, String type, PageRequest page) {
        JobStatus statusFilter = status == null ? null : JobStatus.fromWire(status).orElseThrow(() ->
                new InvalidParameterException("status", "status must be one of: open, in_progress, filled, completed,"
                        + " cancelled, expired."));
        JobType typeFilter = type == null ? null : JobType.fromWire(type).orElseThrow(() ->
                new InvalidParameterException("type", "type must be one of: data_collection, feedback."));
        return jobs.listPage(orgId, statusFilter, typeFilter, page.afterId(), page.fetchSize());
    }
}
