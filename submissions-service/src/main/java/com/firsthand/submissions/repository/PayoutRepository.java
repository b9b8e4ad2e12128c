package com.firsthand.submissions.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** Worker payouts: at most one per approved submission (its primary key), whatever the redeliveries. */
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

    /** Per job: job id, payouts, amount in cents; the worker's whole history. */
    @SuppressWarnings("unchecked")
    public java.util.List<Object[]> byJob(String workerId) {
        return entityManager.createNativeQuery("SELECT job_id, count(*), sum(amount_cents) FROM payout "
                + "WHERE worker_id = ?1 GROUP BY job_id ORDER BY job_id DESC").setParameter(1, workerId).getResultList();
    }

    public long count(String submissionId) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM payout WHERE submission_id = ?1")
                .setParameter(1, submissionId).getSingleResult()).longValue();
    }
}
