package com.firsthand.scoring.service;

import com.firsthand.common.tracing.TraceCarrier;
import com.firsthand.scoring.config.ScoringConfig;
import com.firsthand.scoring.repository.ScoringTaskRepository;
import com.firsthand.scoring.repository.ScoringTaskRepository.ClaimedTask;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Claims due tasks from PostgreSQL in fair batches (the organisation with the fewest tasks in hand first) and scores
 * them. File work (download, decode, measure, encode)
 * runs on {@code concurrency} threads; provider calls are awaited without a thread, up to the provider's
 * concurrency limit. Claims stay just ahead of what can start soon (a short queue keeps the claim order fair and
 * leases cheap), and stop while the provider's breaker is open: the tasks wait in the table meanwhile. New uploads
 * wake the claimer at once; otherwise it looks every second. Leases are short and renewed in one statement while a
 * task is worked on: a replica that dies lets its tasks go within one lease.
 */
@ApplicationScoped
public class ScoringWorkers {

    private static final Logger LOG = Logger.getLogger(ScoringWorkers.class);
    private static final int LARGEST_CLAIM = 50;

    private final ScoringTaskRepository tasks;
    private final ScoreSubmission scoreSubmission;
    private final Scorer scorer;
    private final ScoringConfig config;
    private final TraceCarrier traces;
    private final Semaphore wakeUps = new Semaphore(0);
    /** The tasks this replica holds, submission id → organisation id. */
    private final Map<String, String> held = new ConcurrentHashMap<>();
    private final AtomicInteger preparing = new AtomicInteger();
    private volatile boolean running;
    private ExecutorService fileWork;
    private Thread claimer;

    public ScoringWorkers(ScoringTaskRepository tasks, ScoreSubmission scoreSubmission, Scorer scorer,
            ScoringConfig config, TraceCarrier traces) {
        this.tasks = tasks;
        this.scoreSubmission = scoreSubmission;
        this.scorer = scorer;
        this.config = config;
        this.traces = traces;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        fileWork = Executors.newFixedThreadPool(config.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "scoring-worker");
            thread.setDaemon(true);
            return thread;
        });
        claimer = new Thread(this::claimLoop, "scoring-claimer");
        claimer.setDaemon(true);
        claimer.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wakeUps.release();
        claimer.join(TimeUnit.SECONDS.toMillis(5));
        fileWork.shutdown();
        fileWork.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Scheduled(every = "${firsthand.scoring.lease-renewal:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renewLeases() {
        if (!held.isEmpty()) {
            Set<String> holding = Set.copyOf(held.keySet());
            QuarkusTransaction.requiringNew().run(() -> tasks.renewLeases(holding, config.lease()));
        }
    }

    /** A task was queued: the claimer looks now. */
    public void wake() {
        wakeUps.release();
    }

    /** Tasks this replica holds: being read, waiting for or at the provider, or being recorded. */
    public int held() {
        return held.size();
    }

    /**
     * How many more tasks to claim now: enough to keep the file threads busy and the provider's free slots
     * filled, no more, so a task claimed is a task started soon.
     */
    int room() {
        int queuedAhead = preparing.get() + scorer.providerState().map(ProviderState::waiting).orElse(0);
        int fileRoom = 2 * config.concurrency() - queuedAhead;
        int providerSlots = scorer.providerState().map(ProviderState::concurrencyLimit).orElse(0);
        int total = 2 * config.concurrency() + providerSlots - held.size();
        return Math.min(LARGEST_CLAIM, Math.min(fileRoom, total));
    }

    private void claimLoop() {
        while (running) {
            try {
                int room = room();
                if (room <= 0 || !scorer.accepting()) {
                    wakeUps.tryAcquire(200, TimeUnit.MILLISECONDS);
                    continue;
                }
                List<ClaimedTask> claimed = QuarkusTransaction.requiringNew()
                        .call(() -> tasks.claimBatch(room, config.lease(), heldByOrg()));
                if (claimed.isEmpty()) {
                    wakeUps.drainPermits();
                    wakeUps.tryAcquire(1, TimeUnit.SECONDS);
                    continue;
                }
                claimed.forEach(this::start);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.errorf(e, "Claiming scoring tasks failed; trying again in a second");
                    sleepQuietly();
                }
            }
        }
    }

    private Map<String, Integer> heldByOrg() {
        Map<String, Integer> counts = new HashMap<>();
        held.values().forEach(org -> counts.merge(org, 1, Integer::sum));
        return counts;
    }

    /** Scores the task in a span of the upload's trace, current on every thread the work moves to. */
    private void start(ClaimedTask task) {
        held.put(task.submissionId(), task.orgId());
        preparing.incrementAndGet();
        Context scoring = traces.startSpan("score submission", SpanKind.INTERNAL, task.traceContext());
        Executor traced = scoring.wrap(fileWork);
        traced.execute(() -> {
            try {
                scoreSubmission.score(task, traced)
                        .whenComplete((done, failure) -> release(task, Span.fromContext(scoring), failure));
            } catch (RuntimeException e) {
                release(task, Span.fromContext(scoring), e);
            } finally {
                preparing.decrementAndGet();
                wakeUps.release();
            }
        });
    }

    private void release(ClaimedTask task, Span span, Throwable failure) {
        if (failure != null) {
            LOG.errorf(failure, "Scoring %s failed; it is retried when its lease expires", task.submissionId());
            span.setStatus(StatusCode.ERROR, failure.toString());
        }
        span.end();
        held.remove(task.submissionId());
        wakeUps.release();
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
