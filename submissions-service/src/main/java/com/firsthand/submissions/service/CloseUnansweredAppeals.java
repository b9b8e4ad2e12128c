package com.firsthand.submissions.service;

import com.firsthand.events.AppealStatuses;
import com.firsthand.submissions.config.SubmissionsConfig;
import com.firsthand.submissions.domain.Submission;
import com.firsthand.submissions.repository.SubmissionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Closes appeals the buyer left unanswered: one the appeal scorer did not uphold waits for the buyer's override
 * until the override window closes; then the rejection stands (denied), and the worker and the buyer's webhooks are
 * told. Each appeal is locked and checked again, so a buyer's decision committed meanwhile wins.
 */
@ApplicationScoped
public class CloseUnansweredAppeals {

    private static final int BATCH = 200;

    private final SubmissionRepository submissions;
    private final SubmissionOutcomes outcomes;
    private final WorkerEvents workerEvents;
    private final SubmissionsConfig config;
    private final Clock clock;

    public CloseUnansweredAppeals(SubmissionRepository submissions, SubmissionOutcomes outcomes,
            WorkerEvents workerEvents, SubmissionsConfig config, Clock clock) {
        this.submissions = submissions;
        this.outcomes = outcomes;
        this.workerEvents = workerEvents;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${firsthand.submissions.appeal-sweep:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        close(clock.instant());
    }

    /** Denies the appeals waiting for a buyer whose override window closed before {@code now}; returns how many. */
    public int close(Instant now) {
        Instant scoredBefore = now.minus(config.overrideWindow());
        int closed = 0;
        List<String> batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> submissions.appealsAwaitingBuyer(scoredBefore, BATCH));
            for (String id : batch) {
                closed += QuarkusTransaction.requiringNew().call(() -> deny(id, scoredBefore, now)) ? 1 : 0;
            }
        } while (batch.size() == BATCH);
        return closed;
    }

    private boolean deny(String submissionId, Instant scoredBefore, Instant now) {
        Submission submission = submissions.findById(submissionId, LockModeType.PESSIMISTIC_WRITE);
        if (submission == null || !AppealStatuses.PENDING.equals(submission.appealStatus)
                || submission.appealRescoreStars == null || !submission.scoredAt.isBefore(scoredBefore)) {
            return false;
        }
        submission.appealDenied(now);
        outcomes.changed(submission, submission.status, now);
        workerEvents.appealUpdated(submission, 0, now);
        return true;
    }
}
