package com.firsthand.jobs.service;

import com.firsthand.common.api.ApiException;
import com.firsthand.jobs.domain.Job;
import jakarta.enterprise.context.ApplicationScoped;

/** A buyer rates a completed job once, 1 to 5 stars with optional feedback. */
@ApplicationScoped
public class RateJob {

    public static final int MAX_FEEDBACK = 2_000;

    private final JobQueries queries;

    public RateJob(JobQueries queries) {
        this.queries = queries;
    }

    public Job rate(String orgId, String jobId, Integer rating, String feedback) {
        if (rating == null) {
            throw ApiException.missingParam("rating");
        }
        if (rating < 1 || rating > 5) {
            throw ApiException.invalidParam("rating", "rating must be an integer from 1 to 5.");
        }
        if (feedback != null && feedback.length() > MAX_FEEDBACK) {
            throw ApiException.invalidParam("feedback", "feedback must be at most " + MAX_FEEDBACK + " characters.");
        }
        Job job = queries.getForUpdate(orgId, jobId);
        job.rate(rating, feedback == null || feedback.isBlank() ? null : feedback.strip());
        return job;
    }
}
