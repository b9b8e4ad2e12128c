package com.firsthand.submissions.service;

import com.firsthand.common.errors.InvalidParameterException;
import com.firsthand.common.errors.ResourceNotFoundException;
import com.firsthand.common.ids.Ids;
import com.firsthand.common.paging.DateWindow;
import com.firsthand.events.SubmissionStatuses;
import com.firsthand.submissions.domain.JobReplica;
import com.firsthand.submissions.domain.Submission;
import com.firsthand.submissions.repository.JobReplicaRepository;
import com.firsthand.submissions.repository.SubmissionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Reads of submissions, scoped to one organisation or one worker: anyone else's do not exist. */
@ApplicationScoped
public class SubmissionQueries {


    private final SubmissionRepository submissions;
    private final JobReplicaRepository jobs;
    private final Clock clock;

    public SubmissionQueries(SubmissionRepository submissions, JobReplicaRepository jobs, Clock clock) {
        this.submissions = submissions;
        this.jobs = jobs;
        this.clock = clock;
    }

    public Submission getForOrg(String orgId, String submissionId) {
        Submission submission = Ids.isValid(Ids.SUBMISSION, submissionId) ? submissions.findById(submissionId) : null;
        if (submission == null || !submission.orgId.equals(orgId)) {
            throw new ResourceNotFoundException("submission", submissionId);
        }
        return submission;
    }

    public Submission getForWorker(String workerId, String submissionId) {
        Submission submission = Ids.isValid(Ids.SUBMISSION, submissionId) ? submissions.findById(submissionId) : null;
        if (submission == null || !submission.workerId.equals(workerId)) {
            throw new ResourceNotFoundException("submission", submissionId);
        }
        return submission;
    }

    /** The organisation's job; another organisation's is not found, like a missing one. */
    public JobReplica ownedJob(String orgId, String jobId) {
        JobReplica job = Ids.isValid(Ids.JOB, jobId) ? jobs.findById(jobId) : null;
        if (job == null || !job.orgId.equals(orgId)) {
            throw new ResourceNotFoundException("job", jobId);
        }
        return job;
    }

    public static String status(String status) {
        if (status != null && !SubmissionStatuses.ALL.contains(status)) {
            throw new InvalidParameterException("status",
                    "status must be one of: pending_score, approved, rejected, retry_pending.");
        }
        return status;
    }

    public static Integer score(String param, String value, Integer defaultValue) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            int score = Integer.parseInt(value);
            if (score >= 1 && score <= 5) {
                return score;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameterException(param, param + " must be an integer from 1 to 5.");
    }

    /** start_date / end_date, defaulting to the last 30 days. */
    public DateWindow window(String startDate, String endDate) {
        return DateWindow.of(startDate, endDate, clock);
    }
}
