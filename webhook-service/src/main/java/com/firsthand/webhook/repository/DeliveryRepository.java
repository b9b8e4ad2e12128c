package com.firsthand.webhook.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/** Delivery rows (one per event and endpoint): creation, claiming by the dispatcher, outcomes, recovery. */
@ApplicationScoped
public class DeliveryRepository {

    public static final String PENDING = "pending";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    /** A delivery claimed for one attempt, with what the attempt needs. */
    public record Claimed(String id, int attemptsMade, Instant dueAt, String eventId, String body, String endpointId,
            String url, String secret, String previousSecret, Instant previousSecretExpiresAt, String traceContext) {
    }

    private final EntityManager em;

    public DeliveryRepository(EntityManager em) {
        this.em = em;
    }

    /** Schedules the event for the endpoint; an existing delivery of the pair starts over (a redelivery). */
    public void schedule(String id, String eventId, String endpointId, String orgId, Instant at) {
        em.createNativeQuery("""
                INSERT INTO webhook_delivery (id, event_id, endpoint_id, org_id, status, attempts, next_attempt_at,
                                              created_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, 'pending', 0, ?5, ?5, ?5)
                ON CONFLICT (event_id, endpoint_id) DO UPDATE
                SET status = 'pending', attempts = 0, next_attempt_at = ?5, updated_at = ?5""")
                .setParameter(1, id).setParameter(2, eventId).setParameter(3, endpointId).setParameter(4, orgId)
                .setParameter(5, at).executeUpdate();
    }

    /** A due delivery, not yet claimed. */
    public record Due(String id, String endpointId, Instant dueAt) {
    }

    /**
     * The most overdue deliveries of enabled endpoints, leaving out the endpoints in {@code busyEndpoints}. A
     * plain read along the partial index; {@link #claim} then locks what the caller picked.
     */
    @SuppressWarnings("unchecked")
    public List<Due> due(Instant now, Collection<String> busyEndpoints, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT d.id, d.endpoint_id, d.next_attempt_at FROM webhook_delivery d
                JOIN webhook_endpoint e ON e.id = d.endpoint_id
                WHERE d.status = 'pending' AND d.next_attempt_at <= ?1 AND e.status = 'enabled'
                  AND NOT (d.endpoint_id = ANY (string_to_array(?2, ',')))
                ORDER BY d.next_attempt_at LIMIT ?3""")
                .setParameter(1, now).setParameter(2, String.join(",", busyEndpoints)).setParameter(3, limit)
                .getResultList();
        return rows.stream().map(r -> new Due((String) r[0], (String) r[1], instant(r[2]))).toList();
    }

    /**
     * Claims the given deliveries that are still due, skipping rows another replica holds; each claimed row's
     * next attempt moves to {@code leaseUntil}, so a crash mid-attempt only delays it.
     */
    @SuppressWarnings("unchecked")
    public List<Claimed> claim(Collection<String> ids, Instant now, Instant leaseUntil) {
        List<Object[]> rows = em.createNativeQuery("""
                WITH due AS (
                    SELECT id, next_attempt_at AS due_at FROM webhook_delivery
                    WHERE id = ANY (string_to_array(?1, ',')) AND status = 'pending' AND next_attempt_at <= ?2
                    FOR UPDATE SKIP LOCKED)
                UPDATE webhook_delivery d SET next_attempt_at = ?3, updated_at = ?2
                FROM due, webhook_event ev, webhook_endpoint e
                WHERE d.id = due.id AND ev.id = d.event_id AND e.id = d.endpoint_id
                RETURNING d.id, d.attempts, due.due_at, d.event_id, ev.body, d.endpoint_id, e.url, e.secret,
                          e.previous_secret, e.previous_secret_expires_at, CAST(ev.trace_context AS text)""")
                .setParameter(1, String.join(",", ids)).setParameter(2, now).setParameter(3, leaseUntil)
                .getResultList();
        return rows.stream().map(r -> new Claimed((String) r[0], ((Number) r[1]).intValue(), instant(r[2]),
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8],
                instant(r[9]), (String) r[10])).toList();
    }

    /** Counts an attempt and sets what follows; false when the delivery no longer exists. */
    public boolean recordAttempt(String id, String status, Instant nextAttemptAt, Instant now) {
        return em.createNativeQuery("""
                UPDATE webhook_delivery SET attempts = attempts + 1, status = ?2, next_attempt_at = ?3, updated_at = ?4
                WHERE id = ?1""")
                .setParameter(1, id).setParameter(2, status).setParameter(3, nextAttemptAt).setParameter(4, now)
                .executeUpdate() == 1;
    }

    /** Ends every pending delivery of an endpoint as failed (it was disabled); recover resends them. */
    public int failPending(String endpointId, Instant now) {
        return em.createNativeQuery("""
                UPDATE webhook_delivery SET status = 'failed', next_attempt_at = NULL, updated_at = ?2
                WHERE endpoint_id = ?1 AND status = 'pending'""")
                .setParameter(1, endpointId).setParameter(2, now).executeUpdate();
    }

    /** Puts the endpoint's failed deliveries of events created in [since, until) back in the queue. */
    public int recover(String endpointId, Instant since, Instant until, Instant now) {
        return em.createNativeQuery("""
                UPDATE webhook_delivery d SET status = 'pending', attempts = 0, next_attempt_at = ?4, updated_at = ?4
                FROM webhook_event ev
                WHERE ev.id = d.event_id AND d.endpoint_id = ?1 AND d.status = 'failed'
                  AND ev.created_at >= ?2 AND ev.created_at < ?3""")
                .setParameter(1, endpointId).setParameter(2, since).setParameter(3, until).setParameter(4, now)
                .executeUpdate();
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + value.getClass());
    }
}
