package com.firsthand.submissions.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * Worker payouts: at most one per approved submission (its primary key), whatever the redeliveries, and the
 * adjustments a buyer's override makes to it (a reversal, a credit), never a deletion. What a submission earned is
 * its payout plus its adjustments.
 */
@ApplicationScoped
public class PayoutRepository {

    private final EntityManager entityManager;

    public PayoutRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records the payout unless it exists; true when this call recorded it. */
    public boolean record(String submissionId, String workerId, String jobId, int amountCents, Instant at) {
        return entityManager.createNativeQuery("""
                INSERT INTO payout (submission_id, worker_id, job_id, amount_cents, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (submission_id) DO NOTHING""")
                .setParameter(1, submissionId).setParameter(2, workerId).setParameter(3, jobId)
                .setParameter(4, amountCents).setParameter(5, at).executeUpdate() == 1;
    }

    /** A correction of a submission's payout: negative reverses it, positive credits it again. */
    public void adjust(String id, String submissionId, String workerId, String jobId, int amountCents, String reason,
            Instant at) {
        entityManager.createNativeQuery("""
                INSERT INTO payout_adjustment (id, submission_id, worker_id, job_id, amount_cents, reason, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""").setParameter(1, id).setParameter(2, submissionId)
                .setParameter(3, workerId).setParameter(4, jobId).setParameter(5, amountCents).setParameter(6, reason)
                .setParameter(7, at).executeUpdate();
    }

    /** What the submission earned its worker so far: its payout plus its adjustments, 0 without a payout. */
    public int netCents(String submissionId) {
        return ((Number) entityManager.createNativeQuery("""
                SELECT coalesce((SELECT amount_cents FROM payout WHERE submission_id = ?1), 0)
                     + coalesce((SELECT sum(amount_cents) FROM payout_adjustment WHERE submission_id = ?1), 0)""")
                .setParameter(1, submissionId).getSingleResult()).intValue();
    }

    /**
     * Per job: job id, paid submissions (those whose payout stands after adjustments), amount in cents after
     * adjustments; the worker's whole history.
     */
    @SuppressWarnings("unchecked")
    public java.util.List<Object[]> byJob(String workerId) {
        return entityManager.createNativeQuery("""
                SELECT p.job_id, count(*) FILTER (WHERE p.amount_cents + coalesce(a.total, 0) > 0),
                       sum(p.amount_cents + coalesce(a.total, 0))
                FROM payout p
                LEFT JOIN (SELECT submission_id, sum(amount_cents) AS total FROM payout_adjustment
                           WHERE worker_id = ?1 GROUP BY submission_id) a ON a.submission_id = p.submission_id
                WHERE p.worker_id = ?1 GROUP BY p.job_id ORDER BY p.job_id DESC""")
                .setParameter(1, workerId).getResultList();
    }

    public long count(String submissionId) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM payout WHERE submission_id = ?1")
                .setParameter(1, submissionId).getSingleResult()).longValue();
    }
}
