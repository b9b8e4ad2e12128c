package com.firsthand.submissions.repository;

import com.firsthand.submissions.domain.JobReplica;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class JobReplicaRepository implements PanacheRepositoryBase<JobReplica, String> {

    /** A keyset page, newest first, of jobs in one of the statuses with a free slot and no passed deadline. */
    public List<JobReplica> listOffered(List<String> statuses, String type, Instant now, String afterId,
            int fetchSize) {
        StringBuilder query = new StringBuilder("status in :statuses and approved + pending + held < filesNeeded"
                + " and (deadline is null or deadline > :now)");
        Parameters params = Parameters.with("statuses", statuses).and("now", now);
        if (type != null) {
            query.append(" and type = :type");
            params.and("type", type);
        }
        if (afterId != null) {
            query.append(" and id < :after");
            params.and("after", afterId);
        }
        return find(query.toString(), Sort.descending("id"), params).page(0, fetchSize).list();
    }
}
