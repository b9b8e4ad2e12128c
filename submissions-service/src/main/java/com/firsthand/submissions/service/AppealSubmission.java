package com.firsthand.submissions.service;

import com.firsthand.common.errors.InvalidParameterException;
import com.firsthand.common.outbox.Outbox;
import com.firsthand.events.AggregateTypes;
import com.firsthand.events.SubmissionAppealed;
import com.firsthand.events.Topics;
import com.firsthand.submissions.config.SubmissionsConfig;
import com.firsthand.submissions.domain.JobReplica;
import com.firsthand.submissions.domain.Submission;
import com.firsthand.submissions.domain.SubmissionDecision;
import com.firsthand.submissions.mapping.UploadEvents;
import com.firsthand.submissions.repository.DecisionRepository;
import com.firsthand.submissions.repository.FileStorage;
import com.firsthand.submissions.repository.JobReplicaRepository;
import com.firsthand.submissions.repository.SubmissionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * A worker appeals the rejection of its submission, once, within the appeal window: submission.appealed asks
 * scoring-service to score the file again, independently, with the worker's statement as context. The rules live in
 * {@link Submission#appeal}; the job and then the submission are locked, as a score and an override take them.
 */
@ApplicationScoped
public class AppealSubmission {

    public static final int MAX_TEXT = 1_000;

    private final SubmissionQueries queries;
    private final JobReplicaRepository jobs;
    private final SubmissionRepository submissions;
    private final DecisionRepository decisions;
    private final FileStorage storage;
    private final Outbox outbox;
    private final SubmissionOutcomes outcomes;
    private final SubmissionsConfig config;
    private final Clock clock;

    public AppealSubmission(SubmissionQueries queries, JobReplicaRepository jobs, SubmissionRepository submissions,
            DecisionRepository decisions, FileStorage storage, Outbox outbox, SubmissionOutcomes outcomes,
            SubmissionsConfig config, Clock clock) {
        this.queries = queries;
        this.jobs = jobs;
        this.submissions = submissions;
        this.decisions = decisions;
        this.storage = storage;
        this.outbox = outbox;
        this.outcomes = outcomes;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Submission appeal(String workerId, String submissionId, String message, String disputedFact) {
        if (message == null || message.isBlank()) {
            throw InvalidParameterException.missing("message");
        }
        checkLength("message", message);
        if (disputedFact != null) {
            checkLength("disputed_fact", disputedFact);
        }
        Submission submission = queries.getForWorker(workerId, submissionId);
        JobReplica job = jobs.findById(submission.jobId, LockModeType.PESSIMISTIC_WRITE);
        submissions.getEntityManager().refresh(submission, LockModeType.PESSIMISTIC_WRITE);
        boolean preScoring = decisions.of(submission.id).stream().findFirst()
                .map(first -> SubmissionDecision.BY_PRE_SCORING.equals(first.decidedBy)).orElse(false);
        Instant now = clock.instant();
        submission.appeal(message.strip(), disputedFact == null ? null : disputedFact.strip(), preScoring, now,
                config.appealWindow());
        outbox.append(Topics.SUBMISSION_APPEALED, AggregateTypes.SUBMISSION, submission.id, submission.orgId, now,
                new SubmissionAppealed(submission.id, job.id, job.orgId, workerId,
                        UploadEvents.uploaded(submission, job, storage.bucket(), null, null, submission.submittedAt),
                        submission.appealMessage, submission.appealDisputedFact, now));
        outcomes.changed(submission, submission.status, now);
        return submission;
    }

    private static void checkLength(String param, String text) {
        if (text.length() > MAX_TEXT) {
            throw new InvalidParameterException(param, param + " must be at most " + MAX_TEXT + " characters.");
        }
    }
}
