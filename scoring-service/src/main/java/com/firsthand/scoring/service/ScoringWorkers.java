package com.firsthand.scoring.service;

import com.firsthand.scoring.config.ScoringConfig;
import com.firsthand.scoring.repository.ScoringTaskRepository;
import com.firsthand.scoring.repository.ScoringTaskRepository.ClaimedTask;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A fixed set of threads that claim due tasks from PostgreSQL and score them. New uploads wake them at once;
 * otherwise they look every second, which also picks up retries that come due and tasks whose lease expired.
 * Leases are short and renewed while a task is worked on: a replica that dies (kill -9, lost node) lets its tasks
 * go within one lease, however long a provider call may take.
 */
@ApplicationScoped
public class ScoringWorkers {

    private static final Logger LOG = Logger.getLogger(ScoringWorkers.class);

    private final ScoringTaskRepository tasks;
    private final ScoreSubmission scoreSubmission;
    private final ScoringConfig config;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private ExecutorService threads;

    public ScoringWorkers(ScoringTaskRepository tasks, ScoreSubmission scoreSubmission, ScoringConfig config) {
        this.tasks = tasks;
        this.scoreSubmission = scoreSubmission;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        threads = Executors.newFixedThreadPool(config.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "scoring-worker");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < config.concurrency(); i++) {
            threads.submit(this::loop);
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wakeUps.release(config.concurrency());
        threads.shutdown();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Scheduled(every = "${firsthand.scoring.lease-renewal:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renewLeases() {
        if (!inFlight.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> tasks.renewLeases(Set.copyOf(inFlight), config.lease()));
        }
    }

    /** A task was queued: one idle worker takes it now. */
    public void wake() {
        wakeUps.release();
    }

    private void loop() {
        while (running) {
            try {
                Optional<ClaimedTask> task = QuarkusTransaction.requiringNew().call(() -> tasks.claimNext(config.lease()));
                if (task.isPresent()) {
                    inFlight.add(task.get().submissionId());
                    try {
                        scoreSubmission.score(task.get());
                    } finally {
                        inFlight.remove(task.get().submissionId());
                    }
                } else {
                    wakeUps.drainPermits();
                    wakeUps.tryAcquire(1, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.errorf(e, "Scoring worker failed; the task is retried when its lease expires");
                    sleepQuietly();
                }
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
