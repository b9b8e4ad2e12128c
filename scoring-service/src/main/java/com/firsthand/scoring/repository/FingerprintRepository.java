package com.firsthand.scoring.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Fingerprints of scored files, compared within a job and within a worker's history. */
@ApplicationScoped
public class FingerprintRepository {

    public static final String PENDING = "pending";

    public record Match(String submissionId, int distance) {
    }

    private final EntityManager entityManager;

    public FingerprintRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Serialises duplicate checks of one job and of one worker until the transaction ends, so two copies scored
     * at once cannot both pass. Keys are taken in a fixed order to avoid deadlocks.
     */
    public void lockScopes(String jobId, String workerId) {
        List<String> keys = jobId.compareTo(workerId) < 0 ? List.of(jobId, workerId) : List.of(workerId, jobId);
        for (String key : keys) {
            entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                    .setParameter(1, key).getSingleResult();
        }
    }

    /** The closest earlier image on the same job or by the same worker that was not rejected. */
    public Optional<Match> nearest(String jobId, String workerId, String submissionId, long dhash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT submission_id, "
                + "bit_count(CAST(dhash # ?1 AS bit(64))) AS distance FROM fingerprint "
                + "WHERE (job_id = ?2 OR worker_id = ?3) AND submission_id <> ?4 AND dhash IS NOT NULL "
                + "AND outcome <> 'rejected' ORDER BY distance, created_at LIMIT 1")
                .setParameter(1, dhash).setParameter(2, jobId).setParameter(3, workerId).setParameter(4, submissionId)
                .getResultList();
        return rows.stream().findFirst().map(r -> new Match((String) r[0], ((Number) r[1]).intValue()));
    }

    /** An earlier byte-identical file on the same job or by the same worker, whatever its fate. */
    public Optional<String> identical(String jobId, String workerId, String submissionId, String sha256) {
        List<?> rows = entityManager.createNativeQuery("SELECT submission_id FROM fingerprint WHERE sha256 = ?1 "
                + "AND (job_id = ?2 OR worker_id = ?3) AND submission_id <> ?4 ORDER BY created_at LIMIT 1")
                .setParameter(1, sha256).setParameter(2, jobId).setParameter(3, workerId).setParameter(4, submissionId)
                .getResultList();
        return rows.stream().findFirst().map(String.class::cast);
    }

    public void record(String submissionId, String jobId, String workerId, String sha256, Long dhash, String outcome,
            Instant at) {
        entityManager.createNativeQuery("INSERT INTO fingerprint (submission_id, job_id, worker_id, sha256, dhash, "
                + "outcome, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                + "ON CONFLICT (submission_id) DO UPDATE SET outcome = EXCLUDED.outcome")
                .setParameter(1, submissionId).setParameter(2, jobId).setParameter(3, workerId)
                .setParameter(4, sha256).setParameter(5, dhash).setParameter(6, outcome).setParameter(7, at)
                .executeUpdate();
    }

    /** A cancelled job's unscored files were rejected: they no longer count as earlier work in duplicate checks. */
    public void rejectPendingOfJob(String jobId) {
        entityManager.createNativeQuery("UPDATE fingerprint SET outcome = 'rejected' WHERE job_id = ?1 "
                + "AND outcome = 'pending'").setParameter(1, jobId).executeUpdate();
    }

    public void settle(String submissionId, String outcome) {
        entityManager.createNativeQuery("UPDATE fingerprint SET outcome = ?2 WHERE submission_id = ?1")
                .setParameter(1, submissionId).setParameter(2, outcome).executeUpdate();
    }
}
