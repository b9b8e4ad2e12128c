package com.firsthand.scoring.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** Verdicts, one per submission. */
@ApplicationScoped
public class ScoreRepository {

    public record ScoreRow(String submissionId, String jobId, String orgId, String workerId, int stars,
            String reasoning, boolean preScoring, String scorer, int credits, String checksJson, int attempts,
            Instant scoredAt, long inputTokens, long outputTokens, boolean fallback, String model,
            String rubricVersion) {
    }

    /**
     * An organisation's verdicts in a period: by an AI provider (with the tokens it reported), by the local scorer
     * standing in for a provider that gave up (not charged).
     */
    public record ScoringUsage(long aiScores, long inputTokens, long outputTokens, long localFallbacks) {
    }

    private final EntityManager entityManager;

    public ScoreRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public boolean exists(String submissionId) {
        return !entityManager.createNativeQuery("SELECT 1 FROM score WHERE submission_id = ?1")
                .setParameter(1, submissionId).getResultList().isEmpty();
    }

    public void insert(ScoreRow row) {
        entityManager.createNativeQuery("INSERT INTO score (submission_id, job_id, org_id, worker_id, stars, reasoning, "
                + "pre_scoring, scorer, credits, checks, attempts, scored_at, input_tokens, output_tokens, fallback, "
                + "model, rubric_version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, CAST(?10 AS jsonb), ?11, ?12, "
                + "?13, ?14, ?15, CAST(?16 AS text), CAST(?17 AS text))")
                .setParameter(1, row.submissionId()).setParameter(2, row.jobId()).setParameter(3, row.orgId())
                .setParameter(4, row.workerId()).setParameter(5, row.stars()).setParameter(6, row.reasoning())
                .setParameter(7, row.preScoring()).setParameter(8, row.scorer()).setParameter(9, row.credits())
                .setParameter(10, row.checksJson()).setParameter(11, row.attempts()).setParameter(12, row.scoredAt())
                .setParameter(13, row.inputTokens()).setParameter(14, row.outputTokens())
                .setParameter(15, row.fallback()).setParameter(16, row.model())
                .setParameter(17, row.rubricVersion()).executeUpdate();
    }

    public ScoringUsage usage(String orgId, Instant from, Instant to) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                SELECT count(*) FILTER (WHERE NOT pre_scoring AND NOT fallback AND scorer <> 'local'),
                       COALESCE(sum(input_tokens), 0), COALESCE(sum(output_tokens), 0), count(*) FILTER (WHERE fallback)
                FROM score WHERE org_id = ?1 AND scored_at >= ?2 AND scored_at < ?3""")
                .setParameter(1, orgId).setParameter(2, from).setParameter(3, to).getSingleResult();
        return new ScoringUsage(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue());
    }
}
