package com.firsthand.scoring.service;

import com.firsthand.scoring.repository.ScoringTaskRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * What waits for scoring and how the provider is doing, as gauges: tasks waiting (due, held by no replica), the
 * oldest one's age, tasks this replica holds, and the provider's breaker, concurrency limit, calls in flight and
 * calls waiting. The backlog is read from the table every few seconds, not on each scrape.
 */
@ApplicationScoped
public class ScoringBacklog {

    private final ScoringTaskRepository tasks;
    private final ScoringWorkers workers;
    private final Scorer scorer;
    private volatile ScoringTaskRepository.Waiting waiting = new ScoringTaskRepository.Waiting(0, 0);

    public ScoringBacklog(ScoringTaskRepository tasks, ScoringWorkers workers, Scorer scorer) {
        this.tasks = tasks;
        this.workers = workers;
        this.scorer = scorer;
    }

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("firsthand.scoring.tasks.waiting", this, b -> b.waiting.tasks())
                .description("Scoring tasks due and held by no replica").register(registry);
        Gauge.builder("firsthand.scoring.tasks.oldest.waiting.seconds", this, b -> b.waiting.oldestSeconds())
                .description("How long the oldest waiting scoring task has been due").register(registry);
        Gauge.builder("firsthand.scoring.tasks.held", workers, ScoringWorkers::held)
                .description("Scoring tasks this replica is working on").register(registry);
        if (scorer.providerState().isPresent()) {
            String provider = scorer.name();
            Gauge.builder("firsthand.scoring.provider.breaker.open", this, b -> b.provider().breaker().equals("open")
                    ? 1 : 0).tag("provider", provider).description("1 while the circuit breaker is open")
                    .register(registry);
            Gauge.builder("firsthand.scoring.provider.in.flight", this, b -> b.provider().inFlight())
                    .tag("provider", provider).register(registry);
            Gauge.builder("firsthand.scoring.provider.concurrency.limit", this, b -> b.provider().concurrencyLimit())
                    .tag("provider", provider).register(registry);
            Gauge.builder("firsthand.scoring.provider.calls.waiting", this, b -> b.provider().waiting())
                    .tag("provider", provider).register(registry);
        }
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        waiting = QuarkusTransaction.requiringNew().call(tasks::waiting);
    }

    public ScoringTaskRepository.Waiting waiting() {
        return waiting;
    }

    public ProviderState provider() {
        return scorer.providerState().orElseThrow();
    }
}
