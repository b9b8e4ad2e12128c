package com.firsthand.scoring.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The scoring work queue in PostgreSQL: survives restarts, shared by replicas through leases. */
@ApplicationScoped
public class ScoringTaskRepository {

    /** A task this replica holds until {@code lease} runs out. */
    public record ClaimedTask(String submissionId, String orgId, String payload, int attempts, Instant queuedAt,
            String traceContext) {
    }

    private final EntityManager entityManager;

    public ScoringTaskRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Queues submissions in one statement, each once; returns those newly queued (not those already queued by a
     * redelivered or republished upload). The three lists run in parallel; a trace context may be null.
     */
    public List<String> enqueueAll(List<String> submissionIds, List<String> payloadsJson,
            List<String> traceContexts) {
        @SuppressWarnings("unchecked")
        List<String> queued = entityManager.createNativeQuery("INSERT INTO scoring_task (submission_id, payload, "
                + "trace_context, next_attempt_at, queued_at) "
                + "SELECT id, CAST(payload AS jsonb), CAST(trace AS jsonb), now(), now() "
                + "FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[]), CAST(?3 AS text[])) AS upload(id, payload, trace) "
                + "ON CONFLICT DO NOTHING RETURNING submission_id")
                .setParameter(1, submissionIds.toArray(String[]::new))
                .setParameter(2, payloadsJson.toArray(String[]::new))
                .setParameter(3, traceContexts.toArray(String[]::new)).getResultList();
        return queued;
    }

    /**
     * Claims up to {@code limit} due tasks in one statement, fairly, whatever the backlog: the organisation with the
     * fewest tasks in hand goes first (those {@code heldByOrg} counts, this replica's), then the next, and so on
     * round-robin, oldest first within one. So a small claim still serves the organisation that waits, not the one
     * whose burst is older. Rows another replica holds are skipped; each claimed row's lease runs {@code lease}.
     */
    public List<ClaimedTask> claimBatch(int limit, Duration lease, Map<String, Integer> heldByOrg) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(CLAIM_FAIRLY).setParameter(1, limit)
                .setParameter(2, (double) lease.toSeconds())
                .setParameter(3, heldByOrg.keySet().toArray(String[]::new))
                .setParameter(4, heldByOrg.values().toArray(Integer[]::new)).getResultList();
        return rows.stream().map(r -> new ClaimedTask((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), toInstant(r[4]), (String) r[5])).toList();
    }

    private static final String CLAIM_FAIRLY = """
            WITH RECURSIVE orgs(org_id) AS (
                (SELECT org_id FROM scoring_task WHERE status = 'pending' ORDER BY org_id LIMIT 1)
                UNION ALL
                SELECT (SELECT t.org_id FROM scoring_task t WHERE t.status = 'pending' AND t.org_id > orgs.org_id
                        ORDER BY t.org_id LIMIT 1)
                FROM orgs WHERE orgs.org_id IS NOT NULL
            ), in_hand AS (
                SELECT * FROM unnest(CAST(?3 AS text[]), CAST(?4 AS int[])) AS h(org_id, tasks)
            ), ready AS (
                SELECT r.submission_id, r.next_attempt_at, COALESCE(in_hand.tasks, 0)
                       + row_number() OVER (PARTITION BY orgs.org_id ORDER BY r.next_attempt_at, r.submission_id) AS turn
                FROM orgs LEFT JOIN in_hand ON in_hand.org_id = orgs.org_id CROSS JOIN LATERAL (
                    SELECT t.submission_id, t.next_attempt_at FROM scoring_task t
                    WHERE t.org_id = orgs.org_id AND t.status = 'pending' AND t.next_attempt_at <= now()
                      AND (t.lease_until IS NULL OR t.lease_until < now())
                    ORDER BY t.next_attempt_at LIMIT ?1) r
                WHERE orgs.org_id IS NOT NULL
            ), picked AS (
                SELECT t.submission_id FROM scoring_task t
                WHERE t.submission_id IN (SELECT submission_id FROM ready ORDER BY turn, next_attempt_at LIMIT ?1)
                  AND t.status = 'pending' AND (t.lease_until IS NULL OR t.lease_until < now())
                FOR UPDATE SKIP LOCKED
            )
            UPDATE scoring_task t SET attempts = t.attempts + 1, lease_until = now() + make_interval(secs => ?2)
            FROM picked WHERE t.submission_id = picked.submission_id
            RETURNING t.submission_id, t.org_id, CAST(t.payload AS text), t.attempts, t.queued_at,
                CAST(t.trace_context AS text)""";

    /** Extends the leases of the tasks this replica is working on, so only a dead replica's tasks expire. */
    public void renewLeases(Collection<String> submissionIds, Duration lease) {
        if (submissionIds.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("UPDATE scoring_task SET lease_until = now() + make_interval(secs => ?1) "
                + "WHERE submission_id IN (?2) AND status = 'pending'").setParameter(1, (double) lease.toSeconds())
                .setParameter(2, List.copyOf(submissionIds)).executeUpdate();
    }

    /** Locks the task row; true while it still waits for its verdict. */
    public boolean lockPending(String submissionId) {
        List<?> rows = entityManager.createNativeQuery("SELECT status FROM scoring_task WHERE submission_id = ?1 "
                + "FOR UPDATE").setParameter(1, submissionId).getResultList();
        return !rows.isEmpty() && "pending".equals(rows.get(0));
    }

    public void retryLater(String submissionId, Duration delay, String error) {
        entityManager.createNativeQuery("UPDATE scoring_task SET next_attempt_at = now() + make_interval(secs => ?2), "
                + "lease_until = NULL, last_error = ?3 WHERE submission_id = ?1").setParameter(1, submissionId)
                .setParameter(2, delay.toMillis() / 1000.0).setParameter(3, error).executeUpdate();
    }

    public void complete(String submissionId) {
        entityManager.createNativeQuery("UPDATE scoring_task SET status = 'done', done_at = now(), lease_until = NULL "
                + "WHERE submission_id = ?1").setParameter(1, submissionId).executeUpdate();
    }

    /** Drops the tasks of a cancelled job that still wait for a verdict; returns how many. */
    public int dropPendingOfJob(String jobId) {
        return entityManager.createNativeQuery("UPDATE scoring_task SET status = 'dropped', done_at = now(), "
                + "lease_until = NULL, last_error = 'job cancelled' WHERE status = 'pending' "
                + "AND payload -> 'payload' ->> 'job_id' = ?1").setParameter(1, jobId).executeUpdate();
    }

    /** Drops those of the submissions still waiting; returns how many were. */
    public int dropAll(Collection<String> submissionIds) {
        return entityManager.createNativeQuery("UPDATE scoring_task SET status = 'dropped', done_at = now(), "
                + "lease_until = NULL, last_error = 'job cancelled' WHERE submission_id = ANY(CAST(?1 AS text[])) "
                + "AND status = 'pending'").setParameter(1, submissionIds.toArray(String[]::new)).executeUpdate();
    }

    /** Tasks due and not held by any replica, and how long the oldest of them has waited. */
    public record Waiting(long tasks, double oldestSeconds) {
    }

    public Waiting waiting() {
        Object[] row = (Object[]) entityManager.createNativeQuery("SELECT count(*), COALESCE(EXTRACT(EPOCH FROM "
                + "now() - min(next_attempt_at)), 0) FROM scoring_task WHERE status = 'pending' "
                + "AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())").getSingleResult();
        return new Waiting(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue());
    }

    public long pending() {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM scoring_task WHERE status = 'pending'")
                .getSingleResult()).longValue();
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
