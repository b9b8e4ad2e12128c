package com.firsthand.webhook.service;

import com.firsthand.common.tracing.TraceCarrier;
import com.firsthand.webhook.config.WebhooksConfig;
import com.firsthand.webhook.delivery.AttemptResult;
import com.firsthand.webhook.delivery.WebhookSender;
import com.firsthand.webhook.repository.DeliveryRepository;
import com.firsthand.webhook.repository.DeliveryRepository.Claimed;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries. One thread claims due rows from PostgreSQL (FOR UPDATE SKIP LOCKED, so replicas share
 * the work and a restart resumes from the table) and hands them to a bounded pool. Each endpoint may hold only
 * a few of the pool's threads: an endpoint at its limit is left out of the claim, so a hanging endpoint waits
 * on its own slots while the others keep theirs.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
    /** Due rows read per look, so one endpoint's backlog does not hide the others' for long. */
    private static final int CANDIDATES = 200;

    private final DeliveryRepository deliveries;
    private final WebhookSender sender;
    private final RecordAttempt recordAttempt;
    private final DispatchSignal signal;
    private final WebhooksConfig config;
    private final Clock clock;
    private final TraceCarrier traces;
    private final Map<String, AtomicInteger> inFlightByEndpoint = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running;
    private ExecutorService pool;
    private Thread loop;

    public DeliveryDispatcher(DeliveryRepository deliveries, WebhookSender sender, RecordAttempt recordAttempt,
            DispatchSignal signal, WebhooksConfig config, Clock clock, TraceCarrier traces) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.recordAttempt = recordAttempt;
        this.signal = signal;
        this.config = config;
        this.clock = clock;
        this.traces = traces;
    }

    void start(@Observes StartupEvent event) {
        if (!config.dispatcher().enabled()) {
            return;
        }
        AtomicInteger threadNumber = new AtomicInteger();
        pool = Executors.newFixedThreadPool(config.dispatcher().threads(), runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        loop = new Thread(this::run, "webhook-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (loop != null) {
            signal.wake();
            loop.join(5_000);
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private void run() {
        while (running) {
            try {
                int free = config.dispatcher().threads() - inFlight.get();
                int dispatched = free > 0 ? dispatchDue(free) : 0;
                if (dispatched == 0 || dispatched < free) {
                    signal.await(config.dispatcher().pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("webhook dispatcher: %s", e.toString());
                try {
                    signal.await(config.dispatcher().pollInterval());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Picks due deliveries within the free slots (global and per endpoint), claims them and starts them; returns
     * how many it started.
     */
    private int dispatchDue(int limit) {
        int perEndpoint = config.dispatcher().perEndpointConcurrency();
        List<String> busy = inFlightByEndpoint.entrySet().stream().filter(e -> e.getValue().get() >= perEndpoint)
                .map(Map.Entry::getKey).toList();
        Instant now = clock.instant();
        Map<String, Integer> picked = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (DeliveryRepository.Due due : QuarkusTransaction.requiringNew()
                .call(() -> deliveries.due(now, busy, Math.max(limit, CANDIDATES)))) {
            AtomicInteger inFlightThere = inFlightByEndpoint.get(due.endpointId());
            int taken = picked.merge(due.endpointId(), 1, Integer::sum);
            if (taken + (inFlightThere == null ? 0 : inFlightThere.get()) <= perEndpoint) {
                ids.add(due.id());
                if (ids.size() == limit) {
                    break;
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        Instant lease = now.plus(config.attemptTimeout()).plus(LEASE_MARGIN);
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> deliveries.claim(ids, now, lease));
        for (Claimed delivery : claimed) {
            AtomicInteger endpointSlots = inFlightByEndpoint.computeIfAbsent(delivery.endpointId(),
                    id -> new AtomicInteger());
            endpointSlots.incrementAndGet();
            inFlight.incrementAndGet();
            pool.execute(() -> attempt(delivery, endpointSlots));
        }
        return claimed.size();
    }

    /** One attempt, in a span of the trace that caused the event. */
    private void attempt(Claimed delivery, AtomicInteger endpointSlots) {
        Context attempt = traces.startSpan("webhook deliver", SpanKind.CLIENT, delivery.traceContext());
        Span span = Span.fromContext(attempt).setAttribute("webhook.event_id", delivery.eventId())
                .setAttribute("webhook.endpoint_id", delivery.endpointId())
                .setAttribute("webhook.attempt", delivery.attemptsMade() + 1);
        try (Scope ignored = attempt.makeCurrent()) {
            Instant at = clock.instant();
            List<String> secrets = new ArrayList<>(2);
            secrets.add(delivery.secret());
            if (delivery.previousSecret() != null && delivery.previousSecretExpiresAt() != null
                    && at.isBefore(delivery.previousSecretExpiresAt())) {
                secrets.add(delivery.previousSecret());
            }
            AttemptResult result = sender.send(delivery.url(), delivery.eventId(), delivery.body(), secrets);
            if (result.status() != null) {
                span.setAttribute("http.response.status_code", result.status());
            }
            if (!result.succeeded()) {
                span.setStatus(StatusCode.ERROR, result.error() == null ? "HTTP " + result.status() : result.error());
            }
            recordAttempt.record(delivery, result, at);
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.toString());
            LOG.warnf("webhook delivery %s: attempt not recorded, retried after its lease: %s", delivery.id(),
                    e.toString());
        } finally {
            span.end();
            endpointSlots.decrementAndGet();
            inFlight.decrementAndGet();
            signal.wake();
        }
    }
}
