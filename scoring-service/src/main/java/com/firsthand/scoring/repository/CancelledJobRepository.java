package com.firsthand.scoring.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

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

    /** Those of the jobs that are cancelled. */
    public Set<String> cancelledAmong(Collection<String> jobIds) {
        @SuppressWarnings("unchecked")
        List<String> cancelled = entityManager.createNativeQuery(
                "SELECT job_id FROM cancelled_job WHERE job_id = ANY(CAST(?1 AS text[]))")
                .setParameter(1, jobIds.toArray(String[]::new)).getResultList();
        return Set.copyOf(cancelled);
    }
}
