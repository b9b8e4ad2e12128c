package com.firsthand.submissions.repository;

import com.firsthand.submissions.domain.Submission;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class SubmissionRepository implements PanacheRepositoryBase<Submission, String> {

    /** The worker's latest rejected submission on the job, if it has one to retry. */
    public Optional<Submission> latestRejected(String jobId, String workerId) {
        return find("jobId = :job and workerId = :worker and status = 'rejected'", Sort.descending("id"),
                Parameters.with("job", jobId).and("worker", workerId)).firstResultOptional();
    }
}
