package com.firsthand.scoring.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;

/** The cancelled_job table: jobs whose remaining scoring work is dropped. */
@ApplicationScoped
public class CancelledJobRepository {

    private final EntityManager entityManager;

    public CancelledJobRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void add(String jobId, Instant cancelledAt) {
        entityManager.createNativeQuery("INSERT INTO cancelled_job (job_id, cancelled_at) VALUES (?1, ?2) "
                + "ON CONFLICT DO NOTHING").setParameter(1, jobId).setParameter(2, Timestamp.from(cancelledAt))
                .executeUpdate();
    }

    public boolean contains(String jobId) {
        return !entityManager.createNativeQuery("SELECT 1 FROM cancelled_job WHERE job_id = ?1")
                .setParameter(1, jobId).getResultList().isEmpty();
    }
}
