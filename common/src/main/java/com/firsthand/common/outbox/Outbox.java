package com.firsthand.common.outbox;

import com.firsthand.common.ids.Ids;
import com.firsthand.common.tracing.TraceCarrier;
import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Records an event in the same transaction as the state change it describes; {@link OutboxRelay} publishes
 * it after commit. There is no other way to publish: no dual write.
 */
@ApplicationScoped
public class Outbox {

    public static final int SCHEMA_VERSION = 1;

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final TraceCarrier traces;

    public Outbox(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions, OutboxRelay relay,
            TraceCarrier traces) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.relay = relay;
        this.traces = traces;
    }

    /**
     * Appends an event; must run inside the transaction that makes the change. The current trace context is kept
     * with it, so that the relay publishes it as part of the trace that caused it.
     *
     * @param topic the event type, one of {@link com.firsthand.events.Topics}
     */
    public EventEnvelope append(String topic, String aggregateType, String aggregateId, String orgId,
            Instant occurredAt, Object payload) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Outbox.append needs the transaction of the state change");
        }
        EventEnvelope envelope = new EventEnvelope(Ids.next(Ids.EVENT), topic, SCHEMA_VERSION, occurredAt, orgId,
                aggregateType, aggregateId, EventJson.toTree(payload));
        String sql = """
                INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, org_id, occurred_at, envelope,
                    trace_context)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, envelope.id());
            s.setString(2, topic);
            s.setString(3, aggregateType);
            s.setString(4, aggregateId);
            s.setString(5, orgId);
            s.setTimestamp(6, Timestamp.from(occurredAt));
            s.setString(7, EventJson.write(envelope));
            s.setString(8, traces.currentJson());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append event to the outbox", e);
        }
        transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
        return envelope;
    }

    private record WakeRelayAfterCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wake();
            }
        }
    }
}
