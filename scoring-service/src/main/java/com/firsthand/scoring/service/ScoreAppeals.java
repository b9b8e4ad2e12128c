package com.firsthand.scoring.service;

import com.firsthand.common.tracing.TraceCarrier;
import com.firsthand.events.EventJson;
import com.firsthand.events.SubmissionAppealed;
import com.firsthand.scoring.config.ScoringConfig;
import com.firsthand.scoring.domain.FileFacts;
import com.firsthand.scoring.domain.JobRequirements;
import com.firsthand.scoring.domain.Verdict;
import com.firsthand.scoring.mapping.ScoringMapper;
import com.firsthand.scoring.repository.AppealTaskRepository;
import com.firsthand.scoring.repository.AppealTaskRepository.ClaimedAppeal;
import com.firsthand.scoring.repository.ObjectStore;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The appeal scorer: scores an appealed file again, independently of its first score, with the worker's statement
 * as context. It is the configured scorer (the same provider and model) asked with the appeal rubric, which carries
 * the statement as data to weigh; the local scorer cannot read a statement and rates the pixels alone. The
 * pre-scoring checks do not run again: an appeal of a fact says why the fact is wrong, and the content is what is
 * judged. A provider that is unavailable is asked again later, and after {@code llm-give-up-after} the local scorer
 * rates the file, as for a first score. The verdict goes out on submission.scored with {@code appeal} set, not
 * charged. Appeals are few: one replica scores one at a time, claimed from appeal_task with a lease.
 */
@ApplicationScoped
public class ScoreAppeals {

    private static final Logger LOG = Logger.getLogger(ScoreAppeals.class);
    /** A replica that dies while scoring an appeal gives it back after this long. */
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final AppealTaskRepository appeals;
    private final ObjectStore store;
    private final FileAnalyzer analyzer;
    private final Scorer scorer;
    private final LocalScorer localScorer;
    private final RecordAppealVerdict recordVerdict;
    private final ScoringConfig config;
    private final Clock clock;
    private final TraceCarrier traces;

    public ScoreAppeals(AppealTaskRepository appeals, ObjectStore store, FileAnalyzer analyzer, Scorer scorer,
            LocalScorer localScorer, RecordAppealVerdict recordVerdict, ScoringConfig config, Clock clock,
            TraceCarrier traces) {
        this.appeals = appeals;
        this.store = store;
        this.analyzer = analyzer;
        this.scorer = scorer;
        this.localScorer = localScorer;
        this.recordVerdict = recordVerdict;
        this.config = config;
        this.clock = clock;
        this.traces = traces;
    }

    @Scheduled(every = "${firsthand.scoring.appeal-poll:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        scoreDue();
    }

    /** Scores every due appeal; returns how many got their verdict. */
    public int scoreDue() {
        int scored = 0;
        Optional<ClaimedAppeal> next;
        while ((next = QuarkusTransaction.requiringNew().call(() -> appeals.claim(LEASE))).isPresent()) {
            scored += scoreInItsTrace(next.get()) ? 1 : 0;
        }
        return scored;
    }

    private boolean scoreInItsTrace(ClaimedAppeal task) {
        Context scoring = traces.startSpan("score appeal", SpanKind.INTERNAL, task.traceContext());
        try (Scope ignored = scoring.makeCurrent()) {
            return score(task);
        } finally {
            Span.fromContext(scoring).end();
        }
    }

    private boolean score(ClaimedAppeal task) {
        SubmissionAppealed appealed = EventJson.read(task.payload()).payloadAs(SubmissionAppealed.class);
        JobRequirements job = ScoringMapper.requirements(appealed.upload()).withAppeal(statement(appealed));
        Path file = null;
        try {
            file = store.download(appealed.upload().bucket(), appealed.upload().objectKey());
            FileFacts facts = analyzer.analyze(file);
            Verdict verdict;
            try {
                verdict = scorer.score(facts, job, List.of());
            } catch (Scorer.ScorerUnavailableException unavailable) {
                boolean patienceLeft = Duration.between(task.queuedAt(), clock.instant())
                        .compareTo(config.retry().llmGiveUpAfter()) < 0;
                if (unavailable.worthRetrying() && patienceLeft) {
                    retryLater(task, scorer.name() + " unavailable: " + unavailable.getMessage());
                    return false;
                }
                verdict = localScorer.score(facts, job, List.of()).asFallbackFor(scorer.name(),
                        unavailable.getMessage());
            }
            Verdict decided = verdict;
            Instant now = clock.instant();
            return QuarkusTransaction.requiringNew().call(() -> recordVerdict.record(appealed, decided, now));
        } catch (IOException e) {
            retryLater(task, "file unavailable: " + e.getMessage());
            return false;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Scoring the appeal of %s failed; it is retried", task.submissionId());
            retryLater(task, "scoring failed: " + e);
            return false;
        } finally {
            ScoreSubmission.deleteQuietly(file);
        }
    }

    private static String statement(SubmissionAppealed appealed) {
        return appealed.disputedFact() == null ? appealed.message()
                : appealed.message() + "\nWhy the pre-scoring finding is wrong: " + appealed.disputedFact();
    }

    private void retryLater(ClaimedAppeal task, String error) {
        Duration wait = ScoreSubmission.retryDelay(config.retry(), task.attempts());
        LOG.warnf("Appeal of %s postponed by %s (attempt %d): %s", task.submissionId(), wait, task.attempts(), error);
        QuarkusTransaction.requiringNew().run(() -> appeals.retryLater(task.submissionId(), wait, error));
    }
}
