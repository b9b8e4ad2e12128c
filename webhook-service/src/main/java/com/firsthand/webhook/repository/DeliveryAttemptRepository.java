package com.firsthand.webhook.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/** The log of every delivery attempt. */
@ApplicationScoped
public class DeliveryAttemptRepository {

    /** One attempt as the API lists it. */
    public record AttemptRow(String id, String deliveryId, String eventId, String eventType, String endpointId,
            int attempt, Instant attemptedAt, Integer responseStatus, long durationMs, String responseBody,
            String error, Instant nextAttemptAt) {
    }

    private final EntityManager em;

    public DeliveryAttemptRepository(EntityManager em) {
        this.em = em;
    }

    public void insert(AttemptRow row) {
        em.createNativeQuery("""
                INSERT INTO webhook_delivery_attempt (id, delivery_id, event_id, endpoint_id, attempt, attempted_at,
                    response_status, duration_ms, response_body, error, next_attempt_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)""")
                .setParameter(1, row.id()).setParameter(2, row.deliveryId()).setParameter(3, row.eventId())
                .setParameter(4, row.endpointId()).setParameter(5, row.attempt()).setParameter(6, row.attemptedAt())
                .setParameter(7, row.responseStatus()).setParameter(8, row.durationMs())
                .setParameter(9, row.responseBody()).setParameter(10, row.error())
                .setParameter(11, row.nextAttemptAt()).executeUpdate();
    }

    /** The endpoint's attempts, newest first, optionally of one event. */
    @SuppressWarnings("unchecked")
    public List<AttemptRow> listPage(String endpointId, String eventId, String afterId, int fetchSize) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT a.id, a.delivery_id, a.event_id, ev.type, a.endpoint_id, a.attempt, a.attempted_at,
                       a.response_status, a.duration_ms, a.response_body, a.error, a.next_attempt_at
                FROM webhook_delivery_attempt a JOIN webhook_event ev ON ev.id = a.event_id
                WHERE a.endpoint_id = ?1 AND (CAST(?2 AS text) IS NULL OR a.event_id = ?2)
                  AND (CAST(?3 AS text) IS NULL OR a.id < ?3)
                ORDER BY a.id DESC LIMIT ?4""")
                .setParameter(1, endpointId).setParameter(2, eventId).setParameter(3, afterId)
                .setParameter(4, fetchSize).getResultList();
        return rows.stream().map(r -> new AttemptRow((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], ((Number) r[5]).intValue(), DeliveryRepository.instant(r[6]),
                r[7] == null ? null : ((Number) r[7]).intValue(), ((Number) r[8]).longValue(), (String) r[9],
                (String) r[10], DeliveryRepository.instant(r[11]))).toList();
    }
}
