package com.firsthand.submissions.service;

import com.firsthand.common.paging.DateWindow;
import com.firsthand.submissions.domain.Calibration;
import com.firsthand.submissions.repository.DecisionRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** The AI measured against the buyer, over a period: an organisation's AI decisions, or one job's. */
@ApplicationScoped
public class MeasureCalibration {

    private final DecisionRepository decisions;
    private final SubmissionQueries queries;

    public MeasureCalibration(DecisionRepository decisions, SubmissionQueries queries) {
        this.decisions = decisions;
        this.queries = queries;
    }

    /** @param jobId the organisation's job to measure, or null for all its jobs */
    public Calibration measure(String orgId, String jobId, DateWindow window) {
        if (jobId != null) {
            queries.ownedJob(orgId, jobId);
        }
        return Calibration.of(decisions.calibrationPairs(orgId, jobId, window.from(), window.to()));
    }
}
