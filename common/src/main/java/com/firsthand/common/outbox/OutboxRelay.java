package com.firsthand.common.outbox;

import com.firsthand.common.config.FirsthandConfig;
import com.firsthand.common.tracing.TraceCarrier;
import io.agroal.api.AgroalDataSource;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka in commit order, at least once: a row is marked published only
 * after the broker acknowledged it, so a crash anywhere replays it on the next start and consumers
 * deduplicate by event id. One replica relays at a time (a transaction-scoped advisory lock), which keeps
 * per-aggregate order when a service runs several replicas. Each event is published in a producer span that
 * continues the trace it was appended in, and its record carries that span's context in its headers.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x0F1A57_0B0BL;

    private final AgroalDataSource dataSource;
    private final OutboxProducer producerHolder;
    private final FirsthandConfig config;
    private final TraceCarrier traces;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(AgroalDataSource dataSource, OutboxProducer producerHolder, FirsthandConfig config,
            TraceCarrier traces) {
        this.dataSource = dataSource;
        this.producerHolder = producerHolder;
        this.config = config;
        this.traces = traces;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.outbox().relayEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    void wake() {
        wakeUps.release();
    }

    private void loop() {
        long backoffMillis = 100;
        while (running) {
            try {
                int published = relayBatch();
                backoffMillis = 100;
                if (published == 0) {
                    wakeUps.tryAcquire(config.outbox().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Outbox relay failed, retrying in %d ms: %s", backoffMillis, e.getMessage());
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoffMillis = Math.min(backoffMillis * 2, 5_000);
            }
        }
    }

    /** Publishes up to one batch and returns how many events it published. */
    public int relayBatch() {
        return QuarkusTransaction.requiringNew().timeout(60).call(() -> {
            try (Connection c = dataSource.getConnection()) {
                if (!tryLock(c)) {
                    return 0;
                }
                List<PendingEvent> batch = pending(c);
                if (batch.isEmpty()) {
                    return 0;
                }
                send(batch);
                markPublished(c, batch);
                return batch.size();
            }
        });
    }

    private void send(List<PendingEvent> batch) throws Exception {
        Producer<String, String> producer = producerHolder.producer();
        List<Future<?>> acks = new ArrayList<>(batch.size());
        List<Span> spans = new ArrayList<>(batch.size());
        try {
            for (PendingEvent event : batch) {
                Context publishing = publishSpan(event);
                spans.add(Span.fromContext(publishing));
                acks.add(producer.send(new ProducerRecord<>(event.topic(), null, event.key(), event.envelope(),
                        headers(publishing))));
            }
            producer.flush();
            for (Future<?> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            spans.forEach(span -> span.setStatus(StatusCode.ERROR, e.toString()));
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
    }

    /** A producer span in the trace the event was appended in; the returned context carries it. */
    private Context publishSpan(PendingEvent event) {
        Context publishing = traces.startSpan(event.topic() + " publish", SpanKind.PRODUCER, event.traceContext());
        Span.fromContext(publishing).setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "publish")
                .setAttribute("messaging.destination.name", event.topic())
                .setAttribute("messaging.message.id", event.id());
        return publishing;
    }

    private RecordHeaders headers(Context publishedIn) {
        RecordHeaders headers = new RecordHeaders();
        traces.fields(publishedIn).forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            s.setLong(1, RELAY_LOCK);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private List<PendingEvent> pending(Connection c) throws SQLException {
        String sql = "SELECT seq, id, topic, aggregate_id, envelope::text, trace_context::text FROM outbox_event "
                + "WHERE published_at IS NULL ORDER BY seq LIMIT ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, config.outbox().batchSize());
            List<PendingEvent> batch = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    batch.add(new PendingEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
            return batch;
        }
    }

    private static void markPublished(Connection c, List<PendingEvent> batch) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE outbox_event SET published_at = ? WHERE seq = ANY (?)")) {
            s.setTimestamp(1, Timestamp.from(Instant.now()));
            s.setArray(2, c.createArrayOf("bigint", batch.stream().map(PendingEvent::seq).toArray()));
            s.executeUpdate();
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteOldPublishedEvents() {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "DELETE FROM outbox_event WHERE published_at < ?")) {
                s.setTimestamp(1, Timestamp.from(Instant.now().minus(config.outbox().retention())));
                s.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private record PendingEvent(long seq, String id, String topic, String key, String envelope, String traceContext) {
    }
}
