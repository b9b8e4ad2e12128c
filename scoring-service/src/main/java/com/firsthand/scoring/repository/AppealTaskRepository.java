package com.firsthand.scoring.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Appeals waiting for the appeal scorer, in PostgreSQL: survive restarts, shared by replicas through leases. */
@ApplicationScoped
public class AppealTaskRepository {

    /** An appeal this replica holds until its lease runs out; {@code payload} is the submission.appealed envelope. */
    public record ClaimedAppeal(String submissionId, String payload, int attempts, Instant queuedAt,
            String traceContext) {
    }

    private final EntityManager entityManager;

    public AppealTaskRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Queues the appeal, with the trace context it came in (may be null), unless it is queued already; true when
     * this call queued it.
     */
    public boolean enqueue(String submissionId, String envelopeJson, String traceContext) {
        return entityManager.createNativeQuery("INSERT INTO appeal_task (submission_id, payload, trace_context, "
                + "next_attempt_at, queued_at) VALUES (?1, CAST(?2 AS jsonb), CAST(?3 AS jsonb), now(), now()) "
                + "ON CONFLICT DO NOTHING").setParameter(1, submissionId).setParameter(2, envelopeJson)
                .setParameter(3, traceContext).executeUpdate() == 1;
    }

    /** The oldest due appeal no other replica holds, leased for {@code lease}. */
    public Optional<ClaimedAppeal> claim(Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                UPDATE appeal_task SET attempts = attempts + 1, lease_until = now() + make_interval(secs => ?1)
                WHERE submission_id = (SELECT submission_id FROM appeal_task
                                       WHERE status = 'pending' AND next_attempt_at <= now()
                                         AND (lease_until IS NULL OR lease_until < now())
                                       ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING submission_id, CAST(payload AS text), attempts, queued_at, CAST(trace_context AS text)""")
                .setParameter(1, (double) lease.toSeconds()).getResultList();
        return rows.stream().findFirst().map(r -> new ClaimedAppeal((String) r[0], (String) r[1],
                ((Number) r[2]).intValue(), ScoringTaskRepository.toInstant(r[3]), (String) r[4]));
    }

    /** Locks the appeal while it is pending; false when it is done already (another replica recorded it). */
    public boolean lockPending(String submissionId) {
        return !entityManager.createNativeQuery("SELECT 1 FROM appeal_task WHERE submission_id = ?1 AND status = "
                + "'pending' FOR UPDATE").setParameter(1, submissionId).getResultList().isEmpty();
    }

    public void complete(String submissionId) {
        entityManager.createNativeQuery("UPDATE appeal_task SET status = 'done', done_at = now(), lease_until = NULL "
                + "WHERE submission_id = ?1").setParameter(1, submissionId).executeUpdate();
    }

    public void retryLater(String submissionId, Duration delay, String error) {
        entityManager.createNativeQuery("UPDATE appeal_task SET lease_until = NULL, last_error = ?2, "
                + "next_attempt_at = now() + make_interval(secs => ?3) WHERE submission_id = ?1")
                .setParameter(1, submissionId).setParameter(2, error).setParameter(3, (double) delay.toSeconds())
                .executeUpdate();
    }
}
