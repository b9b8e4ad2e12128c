package com.firsthand.jobs.service;

import com.firsthand.common.errors.InvalidParameterException;
import com.firsthand.jobs.domain.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A buyer rates a completed job once, 1 to 5 stars with optional feedback. */
@ApplicationScoped
public class RateJob {

    public static final int MAX_FEEDBACK = 2_000;

    private final JobQueries queries;

    public RateJob(JobQueries queries) {
        this.queries = queries;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Job rate(String orgId, String jobId, Integer rating, String feedback) {
        if (rating == null) {
            throw InvalidParameterException.missing("rating");
        }
        if (rating < 1 || rating > 5) {
            throw new InvalidParameterException("rating", "rating must be an integer from 1 to 5.");
        }
        if (feedback != null && feedback.length() > MAX_FEEDBACK) {
            throw new InvalidParameterException("feedback",
                    "feedback must be at most " + MAX_FEEDBACK + " characters.");
        }
        Job job = queries.getForUpdate(orgId, jobId);
        job.rate(rating, feedback == null || feedback.isBlank() ? null : feedback.strip());
        return job;
    }
}
