package com.firsthand.common.outbox;

import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Applies an event exactly once in effect: the handler and the processed-event row commit in one
 * transaction, so a redelivered event finds its row and changes nothing. A failing handler is retried with
 * backoff (the partition waits: order matters more than throughput); a malformed message is logged and
 * skipped, since no retry can fix it.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final AgroalDataSource dataSource;

    public EventConsumer(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void handle(String consumerName, String message, Consumer<EventEnvelope> handler) {
        EventEnvelope event;
        try {
            event = EventJson.read(message);
        } catch (EventJson.MalformedEventException e) {
            LOG.errorf("%s skipped a malformed message: %s", consumerName, e.getMessage());
            return;
        }
        long backoffMillis = 100;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (markProcessed(consumerName, event.id())) {
                        handler.accept(event);
                    }
                });
                return;
            } catch (EventJson.MalformedEventException e) {
                LOG.errorf("%s skipped event %s with a malformed payload: %s", consumerName, event.id(),
                        e.getMessage());
                return;
            } catch (RuntimeException e) {
                LOG.warnf("%s failed on event %s, retrying in %d ms: %s", consumerName, event.id(), backoffMillis,
                        e.toString());
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while retrying event " + event.id(), interrupted);
                }
                backoffMillis = Math.min(backoffMillis * 2, 10_000);
            }
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
}
