package com.firsthand.jobs.repository;

import com.firsthand.jobs.domain.Job;
import com.firsthand.jobs.domain.JobStatus;
import com.firsthand.jobs.domain.JobType;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JobRepository implements PanacheRepositoryBase<Job, String> {

    /** One organisation's job, or empty when it does not exist or belongs to someone else. */
    public Optional<Job> findOwned(String orgId, String jobId) {
        return find("id = :id and orgId = :org", Parameters.with("id", jobId).and("org", orgId))
                .firstResultOptional();
    }

    public Optional<Job> findOwnedForUpdate(String orgId, String jobId) {
        return find("id = :id and orgId = :org", Parameters.with("id", jobId).and("org", orgId))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public List<String> overdueIds(Instant now, int max) {
        return find("deadline < :now and status in :active", Parameters.with("now", now)
                .and("active", List.of(JobStatus.OPEN, JobStatus.IN_PROGRESS, JobStatus.FILLED)))
                .page(0, max).stream().map(job -> job.id).toList();
    }

    /** A keyset page, newest first: ids are ULIDs, so rows inserted meanwhile never shift it. */
    public List<Job> listPage(String orgId, JobStatus status, JobType type, String afterId, int fetchSize) {
        StringBuilder query = new StringBuilder("orgId = :org");
        Parameters params = Parameters.with("org", orgId);
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (type != null) {
            query.append(" and type = :type");
            params.and("type", type.wireName());
        }
        if (afterId != null) {
            query.append(" and id < :after");
            params.and("after", afterId);
        }
        return find(query.toString(), Sort.descending("id"), params).page(0, fetchSize).list();
    }
}
