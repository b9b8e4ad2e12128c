package com.firsthand.submissions.repository;

import com.firsthand.submissions.domain.Assignment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
}
