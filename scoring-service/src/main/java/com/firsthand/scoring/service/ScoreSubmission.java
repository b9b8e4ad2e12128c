package com.firsthand.scoring.service;

import com.firsthand.events.EventJson;
import com.firsthand.events.SubmissionUploaded;
import com.firsthand.scoring.config.ScoringConfig;
import com.firsthand.scoring.domain.FileFacts;
import com.firsthand.scoring.domain.JobRequirements;
import com.firsthand.scoring.domain.PreScoringChecks;
import com.firsthand.scoring.domain.Verdict;
import com.firsthand.scoring.mapping.ScoringMapper;
import com.firsthand.scoring.repository.ObjectStore;
import com.firsthand.scoring.repository.ScoringTaskRepository;
import com.firsthand.scoring.repository.ScoringTaskRepository.ClaimedTask;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Scores one claimed submission: read the file, pre-scoring checks and duplicates, then the configured scorer,
 * then the verdict. The file work runs on the caller's thread; a provider call is awaited without a thread, and
 * the verdict is recorded on {@code blocking}. No transaction is held while the file is read or a provider is
 * asked. When the file or the provider is unavailable the task is retried later with backoff; when the provider
 * refuses, or keeps failing past {@code llm-give-up-after}, the local scorer rates it, the reasoning says so and
 * no credit is charged. A score is never made up.
 */
@ApplicationScoped
public class ScoreSubmission {

    private static final Logger LOG = Logger.getLogger(ScoreSubmission.class);

    private final ObjectStore store;
    private final FileAnalyzer analyzer;
    private final ScreenSubmission screen;
    private final Scorer scorer;
    private final LocalScorer localScorer;
    private final RecordVerdict recordVerdict;
    private final ScoringTaskRepository tasks;
    private final ScoringConfig config;
    private final Clock clock;

    public ScoreSubmission(ObjectStore store, FileAnalyzer analyzer, ScreenSubmission screen, Scorer scorer,
            LocalScorer localScorer, RecordVerdict recordVerdict, ScoringTaskRepository tasks, ScoringConfig config,
            Clock clock) {
        this.store = store;
        this.analyzer = analyzer;
        this.screen = screen;
        this.scorer = scorer;
        this.localScorer = localScorer;
        this.recordVerdict = recordVerdict;
        this.tasks = tasks;
        this.config = config;
        this.clock = clock;
    }

    /** Completes when the task has its verdict or was put back for later; never fails. */
    public CompletionStage<Void> score(ClaimedTask task, Executor blocking) {
        SubmissionUploaded upload = EventJson.read(task.payload()).payloadAs(SubmissionUploaded.class);
        JobRequirements job = ScoringMapper.requirements(upload);
        PreScoringChecks checks;
        CompletionStage<Verdict> rating;
        Path file = null;
        try {
            file = store.download(upload.bucket(), upload.objectKey());
            FileFacts facts = analyzer.analyze(file);
            checks = PreScoringChecks.run(facts, job);
            if (screen.screen(upload, facts, checks, task.attempts())) {
                return CompletableFuture.completedFuture(null);
            }
            rating = scorer.scoreAsync(facts, job, checks.passed());
        } catch (IOException e) {
            retryLater(task, "file unavailable: " + e.getMessage());
            return CompletableFuture.completedFuture(null);
        } finally {
            deleteQuietly(file);
        }
        PreScoringChecks passed = checks;
        return rating.handleAsync((verdict, failure) -> {
            finish(task, upload, job, passed, verdict, failure);
            return null;
        }, blocking);
    }

    private void finish(ClaimedTask task, SubmissionUploaded upload, JobRequirements job, PreScoringChecks checks,
            Verdict verdict, Throwable failure) {
        if (failure == null) {
            record(task, upload, verdict, checks);
            return;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (!(cause instanceof Scorer.ScorerUnavailableException unavailable)) {
            LOG.errorf(cause, "Scoring %s failed; it is retried", task.submissionId());
            retryLater(task, "scoring failed: " + cause);
            return;
        }
        boolean patienceLeft = Duration.between(task.queuedAt(), clock.instant())
                .compareTo(config.retry().llmGiveUpAfter()) < 0;
        if (unavailable.worthRetrying() && patienceLeft) {
            retryLater(task, scorer.name() + " unavailable: " + unavailable.getMessage());
            return;
        }
        fallBack(task, upload, job, checks, unavailable.getMessage());
    }

    /** The local scorer rates the file instead; the file is read again, since pixels are not kept while waiting. */
    private void fallBack(ClaimedTask task, SubmissionUploaded upload, JobRequirements job, PreScoringChecks checks,
            String why) {
        Path file = null;
        try {
            file = store.download(upload.bucket(), upload.objectKey());
            Verdict local = localScorer.score(analyzer.analyze(file), job, checks.passed());
            record(task, upload, local.asFallbackFor(scorer.name(), why), checks);
        } catch (IOException e) {
            retryLater(task, "file unavailable: " + e.getMessage());
        } finally {
            deleteQuietly(file);
        }
    }

    private void record(ClaimedTask task, SubmissionUploaded upload, Verdict verdict, PreScoringChecks checks) {
        Verdict noted = (checks.notes().isEmpty() ? verdict
                : verdict.withReasoning(verdict.reasoning() + " " + String.join(" ", checks.notes())))
                .withLocation(checks.location());
        QuarkusTransaction.requiringNew().run(() -> recordVerdict.record(upload, noted, task.attempts()));
    }

    private void retryLater(ClaimedTask task, String error) {
        Duration wait = retryDelay(config.retry(), task.attempts());
        LOG.warnf("Scoring %s postponed by %s (attempt %d): %s", task.submissionId(), wait, task.attempts(), error);
        QuarkusTransaction.requiringNew().run(() -> tasks.retryLater(task.submissionId(), wait, error));
    }

    /** The wait before attempt {@code attempts} + 1: the initial backoff, doubling, up to the maximum. */
    static Duration retryDelay(ScoringConfig.Retry retry, int attempts) {
        long factor = 1L << Math.min(20, Math.max(0, attempts - 1));
        Duration delay = retry.initialBackoff().multipliedBy(factor);
        return delay.compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : delay;
    }

    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans its directory
            }
        }
    }
}
