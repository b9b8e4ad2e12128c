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

    public Usage usage(String orgId, Instant from, Instant to) {
        Object[] row = (Object[]) entityManager.createNativeQuery("SELECT COALESCE(SUM(credits), 0), COUNT(*) "
                + "FROM credit_ledger WHERE org_id = ?1 AND charged_at >= ?2 AND charged_at < ?3")
                .setParameter(1, orgId).setParameter(2, from).setParameter(3, to).getSingleResult();
        return new Usage(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
}
