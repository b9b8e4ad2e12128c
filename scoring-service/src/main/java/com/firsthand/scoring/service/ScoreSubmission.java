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
import org.jboss.logging.Logger;

/**
 * Scores one claimed submission: read the file, pre-scoring checks and duplicates, then the configured scorer,
 * then the verdict. No transaction is held while the file is read or a provider is asked. When the file or the
 * provider is unavailable the task is retried later with backoff; after {@code llm-give-up-after} the local
 * scorer rates it and the reasoning says so. A score is never made up.
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

    public void score(ClaimedTask task) {
        SubmissionUploaded upload = EventJson.read(task.payload()).payloadAs(SubmissionUploaded.class);
        JobRequirements job = ScoringMapper.requirements(upload);
        Path file = null;
        try {
            file = store.download(upload.bucket(), upload.objectKey());
            FileFacts facts = analyzer.analyze(file);
            PreScoringChecks checks = PreScoringChecks.run(facts, job);
            if (screen.screen(upload, facts, checks, task.attempts())) {
                return;
            }
            Verdict verdict = rate(task, facts, job, checks);
            if (verdict != null) {
                Verdict noted = withNotes(verdict, checks).withLocation(checks.location());
                QuarkusTransaction.requiringNew().run(() -> recordVerdict.record(upload, noted, task.attempts()));
            }
        } catch (IOException e) {
            retryLater(task, "file unavailable: " + e.getMessage());
        } finally {
            deleteQuietly(file);
        }
    }

    private Verdict rate(ClaimedTask task, FileFacts facts, JobRequirements job, PreScoringChecks checks) {
        try {
            return scorer.score(facts, job, checks.passed());
        } catch (Scorer.ScorerUnavailableException e) {
            boolean patienceLeft = Duration.between(task.queuedAt(), clock.instant())
                    .compareTo(config.retry().llmGiveUpAfter()) < 0;
            if (e.worthRetrying() && patienceLeft) {
                retryLater(task, scorer.name() + " unavailable: " + e.getMessage());
                return null;
            }
            Verdict local = localScorer.score(facts, job, checks.passed());
            return new Verdict(local.stars(), "The AI provider could not rate this file (" + e.getMessage()
                    + "), so the local scorer did. " + local.reasoning(), false, local.scorer(), local.checks());
        }
    }

    private static Verdict withNotes(Verdict verdict, PreScoringChecks checks) {
        if (checks.notes().isEmpty()) {
            return verdict;
        }
        return new Verdict(verdict.stars(), verdict.reasoning() + " " + String.join(" ", checks.notes()),
                verdict.preScoring(), verdict.scorer(), verdict.checks());
    }

    private void retryLater(ClaimedTask task, String error) {
        long factor = 1L << Math.min(20, Math.max(0, task.attempts() - 1));
        Duration delay = config.retry().initialBackoff().multipliedBy(factor);
        if (delay.compareTo(config.retry().maxBackoff()) > 0) {
            delay = config.retry().maxBackoff();
        }
        LOG.warnf("Scoring %s postponed by %s (attempt %d): %s", task.submissionId(), delay, task.attempts(), error);
        Duration wait = delay;
        QuarkusTransaction.requiringNew().run(() -> tasks.retryLater(task.submissionId(), wait, error));
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans its directory
            }
        }
    }
}
