package com.firsthand.common.outbox;

import com.firsthand.common.config.FirsthandConfig;
import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Applies an event exactly once in effect: the handler and the processed-event row commit in one transaction, so
 * a redelivered event finds its row and changes nothing. A failing handler is retried with backoff as
 * {@link ConsumerRetryPolicy} says (the partition waits: order matters more than throughput); when the policy gives
 * up, or the message is malformed, {@link DeadLetteredEvent} is thrown: the Kafka connector's dead-letter-queue
 * failure strategy (set for every channel in common's microprofile-config.properties) writes the record to
 * firsthand.dead_letter and commits past it, and firsthand_events_dead_lettered_total counts it.
 */
@ApplicationScoped
public class EventConsumer {

    public static final String DEAD_LETTERED_METRIC = "firsthand.events.dead_lettered";

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final AgroalDataSource dataSource;
    private final MeterRegistry metrics;
    private final ConsumerRetryPolicy policy;

    public EventConsumer(AgroalDataSource dataSource, MeterRegistry metrics, FirsthandConfig config) {
        this.dataSource = dataSource;
        this.metrics = metrics;
        FirsthandConfig.Consumers consumers = config.consumers();
        this.policy = new ConsumerRetryPolicy(consumers.maxAttempts(), consumers.initialBackoff(),
                consumers.maxBackoff(), consumers.dependencyWait());
    }

    public void handle(String consumerName, String message, Consumer<EventEnvelope> handler) {
        process(consumerName, message, handler, true);
    }

    /**
     * For a handler that is idempotent by itself (a versioned state transfer): no processed-event row is kept, so
     * the same event read again after the state was lost (a restored database, a replica rebuilt) applies again.
     */
    public void handleIdempotent(String consumerName, String message, Consumer<EventEnvelope> handler) {
        process(consumerName, message, handler, false);
    }

    private void process(String consumerName, String message, Consumer<EventEnvelope> handler, boolean logged) {
        EventEnvelope event;
        try {
            event = EventJson.read(message);
        } catch (EventJson.MalformedEventException e) {
            throw deadLetter(consumerName, "unknown", "a malformed message", 0, e);
        }
        long start = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (!logged || markProcessed(consumerName, event.id())) {
                        handler.accept(event);
                    }
                });
                return;
            } catch (RuntimeException e) {
                Optional<Duration> wait = policy.next(attempt, Duration.ofNanos(System.nanoTime() - start), e);
                if (wait.isEmpty()) {
                    throw deadLetter(consumerName, event.type(), "event " + event.id(), attempt, e);
                }
                LOG.warnf("%s failed on event %s (attempt %d), retrying in %d ms: %s", consumerName, event.id(),
                        attempt, wait.get().toMillis(), e.toString());
                sleep(wait.get());
            }
        }
    }

    private DeadLetteredEvent deadLetter(String consumerName, String topic, String what, int attempts,
            RuntimeException failure) {
        metrics.counter(DEAD_LETTERED_METRIC, "topic", topic == null ? "unknown" : topic, "consumer", consumerName)
                .increment();
        String message = "%s gave up on %s after %d attempt(s): %s".formatted(consumerName, what, attempts, failure);
        LOG.error(message);
        return new DeadLetteredEvent(message, failure);
    }

    /**
     * Waits the whole backoff even when interrupted (a shutdown), restoring the interrupt afterwards. Throwing
     * instead would hand the record to the dead-letter strategy although it is not at fault; this way the retry
     * goes on until it succeeds, gives up on its own terms, or the process ends with the record uncommitted, to be
     * read again.
     */
    static void sleep(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean interrupted = false;
        for (long left = wait.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Records the event as processed by this consumer; false when it already was. */
    private boolean markProcessed(String consumerName, String eventId) {
        String sql = "INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, consumerName);
            s.setString(2, eventId);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record processed event " + eventId, e);
        }
    }

    /** An event this consumer gave up on; the connector dead-letters the record it came in. */
    public static final class DeadLetteredEvent extends RuntimeException {
        DeadLetteredEvent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
