package com.firsthand.common.inbox;

import com.firsthand.common.api.DatabaseOutage;
import com.firsthand.common.config.FirsthandConfig;
import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
        apply(consumerName, parse(consumerName, message), handler, logged);
    }

    /**
     * Applies a poll's worth of events in one transaction: one processed-event insert for them all, then the
     * handler once with those this consumer has not seen (each id once). A malformed message is given up on at
     * once. When the transaction fails for a database outage it is retried whole, for ever, as {@link #handle}
     * would; for any other reason each event is applied again on its own, so one bad event neither holds up nor
     * dead-letters the others.
     *
     * @return the events given up on, by their index in {@code messages}: the caller dead-letters those records
     */
    public Map<Integer, DeadLetteredEvent> handleBatch(String consumerName, List<String> messages,
            Consumer<List<EventEnvelope>> handler) {
        Map<Integer, DeadLetteredEvent> givenUp = new TreeMap<>();
        Map<Integer, EventEnvelope> events = new LinkedHashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            try {
                events.put(i, parse(consumerName, messages.get(i)));
            } catch (DeadLetteredEvent e) {
                givenUp.put(i, e);
            }
        }
        if (events.isEmpty() || applyTogether(consumerName, List.copyOf(events.values()), handler)) {
            return givenUp;
        }
        events.forEach((index, event) -> {
            try {
                apply(consumerName, event, single -> handler.accept(List.of(single)), true);
            } catch (DeadLetteredEvent e) {
                givenUp.put(index, e);
            }
        });
        return givenUp;
    }

    /** True when the events were applied in one transaction; false when they must be tried one by one. */
    private boolean applyTogether(String consumerName, List<EventEnvelope> events,
            Consumer<List<EventEnvelope>> handler) {
        long start = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    List<EventEnvelope> unseen = markAllProcessed(consumerName, events);
                    if (!unseen.isEmpty()) {
                        handler.accept(unseen);
                    }
                });
                return true;
            } catch (RuntimeException e) {
                if (!DatabaseOutage.isCause(e)) {
                    LOG.warnf("%s failed on a batch of %d events; applying them one by one: %s", consumerName,
                            events.size(), e.toString());
                    return false;
                }
                Duration wait = policy.next(attempt, Duration.ofNanos(System.nanoTime() - start), e).orElseThrow();
                LOG.warnf("%s failed on a batch of %d events (attempt %d), retrying in %d ms: %s", consumerName,
                        events.size(), attempt, wait.toMillis(), e.toString());
                sleep(wait);
            }
        }
    }

    private EventEnvelope parse(String consumerName, String message) {
        try {
            if (message == null) {
                throw new EventJson.MalformedEventException("an empty record", null);
            }
            return EventJson.read(message);
        } catch (EventJson.MalformedEventException e) {
            throw deadLetter(consumerName, "unknown", "a malformed message", 0, e);
        }
    }

    private void apply(String consumerName, EventEnvelope event, Consumer<EventEnvelope> handler, boolean logged) {
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

    /** Records the events as processed by this consumer in one statement; returns those it had not, each once. */
    private List<EventEnvelope> markAllProcessed(String consumerName, List<EventEnvelope> events) {
        String sql = "INSERT INTO processed_event (consumer, event_id) SELECT ?, id FROM unnest(?) AS ids(id) "
                + "ON CONFLICT DO NOTHING RETURNING event_id";
        Set<String> recorded = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, consumerName);
            s.setArray(2, c.createArrayOf("text", events.stream().map(EventEnvelope::id).toArray()));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    recorded.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record " + events.size() + " processed events", e);
        }
        return events.stream().filter(event -> recorded.remove(event.id())).toList();
    }

    /** An event this consumer gave up on; the connector dead-letters the record it came in. */
    public static final class DeadLetteredEvent extends RuntimeException {
        DeadLetteredEvent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
