package com.firsthand.submissions.repository;

import com.firsthand.events.AppealStatuses;
import com.firsthand.events.Scores;
import com.firsthand.events.SubmissionStatuses;
import com.firsthand.submissions.domain.Submission;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class SubmissionRepository implements PanacheRepositoryBase<Submission, String> {

    /** A submission's id and the key of the object it was uploaded as. */
    public record StoredUpload(String submissionId, String objectKey) {
    }

    /** The submissions that have one of these ids or point at one of these object keys. */
    public List<StoredUpload> referencing(Collection<String> ids, Collection<String> objectKeys) {
        return getEntityManager().createQuery("select s.id, s.objectKey from Submission s"
                + " where s.id in :ids or s.objectKey in :keys", Object[].class)
                .setParameter("ids", ids).setParameter("keys", objectKeys).getResultStream()
                .map(row -> new StoredUpload((String) row[0], (String) row[1])).toList();
    }

    /** A submission whose quarantine original is past its use. */
    public record StoredOriginal(String submissionId, String orgId, String jobId, String objectKey,
            boolean approved) {
    }

    /**
     * Up to {@code max} submissions, in id order, whose original is still stored though no longer needed: approved
     * ones (the job folder holds the copy) and those rejected (or since moved to retry_pending) before the cutoff.
     */
    public List<StoredOriginal> originalsPastUse(Instant rejectedBefore, int max) {
        return getEntityManager().createQuery("select s.id, s.orgId, s.jobId, s.objectKey, s.status"
                + " from Submission s where s.originalDeletedAt is null and ((s.status = 'approved'"
                + " and s.fileKey is not null) or (s.status in ('rejected', 'retry_pending')"
                + " and s.scoredAt < :cutoff)) order by s.id", Object[].class)
                .setParameter("cutoff", rejectedBefore).setMaxResults(max).getResultStream()
                .map(row -> new StoredOriginal((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                        SubmissionStatuses.APPROVED.equals(row[4]))).toList();
    }

    /** Records that these submissions' originals are deleted; a row already marked keeps its time. */
    public int markOriginalDeleted(Collection<String> ids, Instant at) {
        return update("originalDeletedAt = :at where id in :ids and originalDeletedAt is null",
                Parameters.with("at", at).and("ids", ids));
    }

    /** Filters of a submission listing; null fields do not filter. */
    public record Filter(String orgId, String workerId, String jobId, String status, Integer minScore, Instant from,
            Instant to) {
    }

    /** Appeals the appeal scorer did not uphold, still waiting for the buyer, of work scored before the cutoff. */
    public List<String> appealsAwaitingBuyer(Instant scoredBefore, int max) {
        return getEntityManager().createQuery("select s.id from Submission s where s.appealStatus = :pending"
                + " and s.appealRescoreStars is not null and s.scoredAt < :cutoff order by s.id", String.class)
                .setParameter("pending", AppealStatuses.PENDING).setParameter("cutoff", scoredBefore)
                .setMaxResults(max).getResultList();
    }

    public List<Submission> listPage(Filter filter, String afterId, int fetchSize) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        and(query, params, "orgId = :org", "org", filter.orgId());
        and(query, params, "workerId = :worker", "worker", filter.workerId());
        and(query, params, "jobId = :job", "job", filter.jobId());
        and(query, params, "status = :status", "status", filter.status());
        // Work the buyer approved by override meets the approval threshold whatever the AI's stars.
        and(query, params, "(aiStarRating >= :minScore or (overrideDecision = 'approved' and :minScore <= "
                + Scores.APPROVAL_THRESHOLD + "))", "minScore", filter.minScore());
        and(query, params, "submittedAt >= :from", "from", filter.from());
        and(query, params, "submittedAt < :to", "to", filter.to());
        and(query, params, "id < :after", "after", afterId);
        return find(query.toString(), Sort.descending("id"), params).page(0, fetchSize).list();
    }

    /** Per job type: total, approved, rejected, rating sum and count of rated submissions. */
    public List<Object[]> summary(String orgId, String jobId, Instant from, Instant to) {
        return getEntityManager().createNativeQuery("""
                SELECT j.type, count(*),
                       count(*) FILTER (WHERE s.status = 'approved'),
                       count(*) FILTER (WHERE s.status IN ('rejected', 'retry_pending')),
                       COALESCE(sum(s.ai_star_rating), 0), count(s.ai_star_rating)
                FROM submission s JOIN job_replica j ON j.id = s.job_id
                WHERE s.org_id = ?1 AND (CAST(?2 AS text) IS NULL OR s.job_id = ?2)
                  AND s.submitted_at >= ?3 AND s.submitted_at < ?4
                GROUP BY j.type ORDER BY j.type""")
                .setParameter(1, orgId).setParameter(2, jobId).setParameter(3, from).setParameter(4, to)
                .getResultList();
    }

    private static void and(StringBuilder query, Parameters params, String clause, String name, Object value) {
        if (value != null) {
            query.append(" and ").append(clause);
            params.and(name, value);
        }
    }

    /** The worker's latest rejected submission on the job not retried yet, if it has one to retry. */
    public Optional<Submission> latestRejected(String jobId, String workerId) {
        // A rejection under appeal is not retried: the appeal may still approve it.
        return find("jobId = :job and workerId = :worker and status = 'rejected' and retrySubmissionId is null"
                + " and (appealStatus is null or appealStatus <> 'pending')", Sort.descending("id"),
                Parameters.with("job", jobId).and("worker", workerId)).firstResultOptional();
    }

    /** The retry_pending submission waiting on the slot the worker took to retry it. */
    public Optional<Submission> retryingWith(String assignmentId) {
        return find("retryAssignmentId = ?1 and status = 'retry_pending'", assignmentId).firstResultOptional();
    }
}
