package com.firsthand.submissions.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A worker's event feed. Each event takes the worker's next sequence number from its feed row, which stays locked
 * until the transaction ends: a worker's events commit in the order of their numbers, so a reader that has seen
 * number n never later finds a smaller one appear.
 */
@ApplicationScoped
public class WorkerEventRepository {

    /** An event as stored; {@code data} is its JSON. */
    public record StoredWorkerEvent(String id, String workerId, long sequence, String type, Instant createdAt,
            String data) {
    }

    private final EntityManager entityManager;

    public WorkerEventRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Appends an event to the worker's feed; must run in the transaction of the change it tells. */
    public long append(String id, String workerId, String type, Instant at, String dataJson) {
        long sequence = ((Number) entityManager.createNativeQuery("""
                INSERT INTO worker_feed (worker_id, last_sequence) VALUES (?1, 1)
                ON CONFLICT (worker_id) DO UPDATE SET last_sequence = worker_feed.last_sequence + 1
                RETURNING last_sequence""").setParameter(1, workerId).getSingleResult()).longValue();
        entityManager.createNativeQuery("""
                INSERT INTO worker_event (id, worker_id, sequence, type, created_at, data)
                VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb))""")
                .setParameter(1, id).setParameter(2, workerId).setParameter(3, sequence).setParameter(4, type)
                .setParameter(5, at).setParameter(6, dataJson).executeUpdate();
        return sequence;
    }

    /**
     * The worker's events newest first: numbered above {@code after} (exclusive, 0 for all) and below
     * {@code before} (exclusive, null for no bound).
     */
    @SuppressWarnings("unchecked")
    public List<StoredWorkerEvent> page(String workerId, long after, Long before, int max) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT id, worker_id, sequence, type, created_at, CAST(data AS text) FROM worker_event
                WHERE worker_id = ?1 AND sequence > ?2 AND sequence < ?3 ORDER BY sequence DESC""")
                .setParameter(1, workerId).setParameter(2, after)
                .setParameter(3, before == null ? Long.MAX_VALUE : before).setMaxResults(max).getResultList();
        return rows.stream().map(WorkerEventRepository::toEvent).toList();
    }

    @SuppressWarnings("unchecked")
    public Optional<StoredWorkerEvent> find(String workerId, String id) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT id, worker_id, sequence, type, created_at, CAST(data AS text) FROM worker_event
                WHERE id = ?1 AND worker_id = ?2""").setParameter(1, id).setParameter(2, workerId).getResultList();
        return rows.stream().map(WorkerEventRepository::toEvent).findFirst();
    }

    /** Deletes up to {@code max} events created before the cutoff; returns how many. */
    public int deleteCreatedBefore(Instant cutoff, int max) {
        return entityManager.createNativeQuery("""
                DELETE FROM worker_event WHERE id IN (
                    SELECT id FROM worker_event WHERE created_at < ?1 ORDER BY created_at LIMIT ?2)""")
                .setParameter(1, cutoff).setParameter(2, max).executeUpdate();
    }

    private static StoredWorkerEvent toEvent(Object[] row) {
        Object created = row[4];
        Instant createdAt = created instanceof Timestamp t ? t.toInstant() : (Instant) created;
        return new StoredWorkerEvent((String) row[0], (String) row[1], ((Number) row[2]).longValue(),
                (String) row[3], createdAt, (String) row[5]);
    }
}
