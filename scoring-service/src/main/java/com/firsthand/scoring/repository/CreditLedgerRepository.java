package com.firsthand.scoring.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** The credit ledger: what AI scoring cost each organisation. */
@ApplicationScoped
public class CreditLedgerRepository {

    public record Usage(long creditsUsed, long submissionsScored) {
    }

    private final EntityManager entityManager;

    public CreditLedgerRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Charges once per submission: a second charge for the same submission changes nothing. */
    public void charge(String submissionId, String orgId, int credits, String scorer, Instant at) {
        entityManager.createNativeQuery("INSERT INTO credit_ledger (submission_id, org_id, credits, scorer, charged_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (submission_id) DO NOTHING").setParameter(1, submissionId)
                .setParameter(2, orgId).setParameter(3, credits).setParameter(4, scorer).setParameter(5, at)
                .executeUpdate();
    }

    public Usage usage(String orgId, Instant from, Instant to) {
        Object[] row = (Object[]) entityManager.createNativeQuery("SELECT COALESCE(SUM(credits), 0), COUNT(*) "
                + "FROM credit_ledger WHERE org_id = ?1 AND charged_at >= ?2 AND charged_at < ?3")
                .setParameter(1, orgId).setParameter(2, from).setParameter(3, to).getSingleResult();
        return new Usage(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
}
