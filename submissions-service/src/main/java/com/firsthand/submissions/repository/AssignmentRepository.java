package com.firsthand.submissions.repository;

import com.firsthand.submissions.domain.Assignment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

@ApplicationScoped
public class AssignmentRepository implements PanacheRepositoryBase<Assignment, String> {

    public Optional<Assignment> findActive(String jobId, String workerId) {
        return find("jobId = :job and workerId = :worker and status = 'active'",
                Parameters.with("job", jobId).and("worker", workerId)).firstResultOptional();
    }

    /** Workers currently busy on the job: holding a slot, or waiting for a score. */
    public long activeWorkers(String jobId) {
        Number count = (Number) getEntityManager().createNativeQuery("""
                SELECT count(*) FROM (
                    SELECT worker_id FROM assignment WHERE job_id = ?1 AND status = 'active'
                    UNION
                    SELECT worker_id FROM submission WHERE job_id = ?1 AND status = 'pending_score') busy""")
                .setParameter(1, jobId).getSingleResult();
        return count.longValue();
    }

    /** The assignment's job id, read without loading (and so without managing) the assignment. */
    public Optional<String> jobIdOf(String assignmentId) {
        return getEntityManager().createQuery("select a.jobId from Assignment a where a.id = :id", String.class)
                .setParameter("id", assignmentId).getResultStream().findFirst();
    }

    public List<Assignment> expiredActive(Instant now, int max) {
        return find("status = 'active' and expiresAt < ?1", now).page(0, max).list();
    }

    /** Ids of active holds lapsing before {@code until} whose worker has not been told yet, soonest first. */
    public List<String> expiringUnannounced(Instant until, int max) {
        return getEntityManager().createQuery("select a.id from Assignment a where a.status = 'active'"
                + " and a.expiringNotifiedAt is null and a.expiresAt < :until order by a.expiresAt", String.class)
                .setParameter("until", until).setMaxResults(max).getResultList();
    }

    /** A page of the worker's assignments, newest first, optionally of one status (as the API says it) and job. */
    public List<Assignment> listPage(String workerId, String status, String jobId, String afterId, int max) {
        StringBuilder query = new StringBuilder("workerId = :worker");
        Parameters params = Parameters.with("worker", workerId);
        if (status != null) {
            query.append(" and status in :statuses");
            params.and("statuses", Assignment.SUBMITTED.equals(status)
                    ? List.of(Assignment.SUBMITTED, Assignment.SUBMITTED_BEFORE_V5) : List.of(status));
        }
        if (jobId != null) {
            query.append(" and jobId = :job");
            params.and("job", jobId);
        }
        if (afterId != null) {
            query.append(" and id < :after");
            params.and("after", afterId);
        }
        return find(query.append(" order by id desc").toString(), params).page(0, max).list();
    }

    /** The submission each of the assignments produced: assignment id to submission id. */
    public Map<String, String> submissionsOf(Collection<String> assignmentIds) {
        if (assignmentIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("select s.assignmentId, s.id from Submission s"
                + " where s.assignmentId in :ids", Object[].class).setParameter("ids", assignmentIds)
                .getResultStream().collect(Collectors.toMap(row -> (String) row[0], row -> (String) row[1],
                        (first, second) -> first));
    }
}
