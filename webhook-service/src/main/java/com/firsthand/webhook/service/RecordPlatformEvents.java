package com.firsthand.webhook.service;

import com.firsthand.events.JobCreated;
import com.firsthand.events.JobStatusChanged;
import com.firsthand.events.JobStatuses;
import com.firsthand.events.SubmissionStatusChanged;
import com.firsthand.events.AppealStatuses;
import com.firsthand.events.SubmissionStatuses;
import com.firsthand.webhook.domain.EventTypes;
import com.firsthand.webhook.domain.JobReplica;
import com.firsthand.webhook.mapping.PublicObjects;
import com.firsthand.webhook.repository.JobReplicaRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns the platform's internal events into public ones. */
@ApplicationScoped
public class RecordPlatformEvents {

    private final PublishEvent publish;
    private final JobReplicaRepository jobs;

    public RecordPlatformEvents(PublishEvent publish, JobReplicaRepository jobs) {
        this.publish = publish;
        this.jobs = jobs;
    }

    /** Keeps what job events need of a posted job. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void jobCreated(JobCreated created) {
        if (jobs.findById(created.jobId()) != null) {
            return;
        }
        JobReplica job = new JobReplica();
        job.id = created.jobId();
        job.orgId = created.orgId();
        job.type = created.type();
        job.description = created.description();
        job.filesNeeded = created.filesNeeded();
        job.acceptedFormats = created.acceptedFormats();
        job.pricePerFileCents = created.pricePerFileCents();
        job.deadline = created.deadline();
        job.metadata = created.metadata();
        job.createdAt = created.createdAt();
        jobs.persist(job);
    }

    /**
     * A scoring outcome (pending_score to approved or rejected) is submission.scored plus submission.approved or
     * submission.rejected; a buyer's override (approved to rejected or back, or a rejection confirmed while the
     * worker's appeal waited) is submission.overridden plus the outcome; a worker's appeal filed, scored again or
     * denied is submission.appeal_updated, plus submission.approved when upheld. Other moves (a retry re-opening a
     * rejected submission) are not public events.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void submissionStatusChanged(String sourceId, Instant occurredAt, SubmissionStatusChanged change) {
        boolean decided = SubmissionStatuses.APPROVED.equals(change.to())
                || SubmissionStatuses.REJECTED.equals(change.to());
        boolean scored = SubmissionStatuses.PENDING_SCORE.equals(change.from()) && decided;
        boolean overridden = change.override() != null && decided && change.override().decision().equals(change.to())
                && change.override().previousStatus().equals(change.from())
                && change.override().at().equals(change.at());
        boolean upheld = change.appeal() != null && AppealStatuses.UPHELD.equals(change.appeal().status())
                && SubmissionStatuses.REJECTED.equals(change.from()) && SubmissionStatuses.APPROVED.equals(change.to());
        boolean appealMoved = change.appeal() != null && !overridden
                && SubmissionStatuses.REJECTED.equals(change.from()) && SubmissionStatuses.REJECTED.equals(change.to());
        if (!(scored || overridden || upheld || appealMoved) || change.orgId() == null) {
            return;
        }
        Map<String, Object> submission = PublicObjects.submission(change);
        Instant at = change.at() != null ? change.at() : occurredAt;
        String outcome = SubmissionStatuses.APPROVED.equals(change.to()) ? EventTypes.SUBMISSION_APPROVED
                : EventTypes.SUBMISSION_REJECTED;
        List<String> types = scored ? List.of(EventTypes.SUBMISSION_SCORED, outcome)
                : overridden ? List.of(EventTypes.SUBMISSION_OVERRIDDEN, outcome)
                : upheld ? List.of(EventTypes.SUBMISSION_APPEAL_UPDATED, outcome)
                : List.of(EventTypes.SUBMISSION_APPEAL_UPDATED);
        publish.publishAll(change.orgId(), types, sourceId, at, submission);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void jobStatusChanged(String sourceId, Instant occurredAt, JobStatusChanged change) {
        if (change.orgId() == null) {
            return;
        }
        JobReplica replica = change.job() == null ? jobs.findById(change.jobId()) : null;
        Map<String, Object> job = PublicObjects.job(change, replica);
        Instant at = change.at() != null ? change.at() : occurredAt;
        List<String> types = new ArrayList<>(List.of(EventTypes.JOB_STATUS_CHANGED));
        if (JobStatuses.COMPLETED.equals(change.to())) {
            types.add(EventTypes.JOB_COMPLETED);
        } else if (JobStatuses.CANCELLED.equals(change.to())) {
            types.add(EventTypes.JOB_CANCELLED);
        }
        publish.publishAll(change.orgId(), types, sourceId, at, job);
    }
}
