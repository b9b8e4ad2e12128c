package com.firsthand.submissions.repository;

import com.firsthand.events.SubmissionStatuses;
import com.firsthand.submissions.domain.Calibration;
import com.firsthand.submissions.domain.SubmissionDecision;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The decision record: a submission's decisions in order. Written under the submission's row lock. */
@ApplicationScoped
public class DecisionRepository implements PanacheRepositoryBase<SubmissionDecision, String> {

    public List<SubmissionDecision> of(String submissionId) {
        return list("submissionId", Sort.ascending("sequence"), submissionId);
    }

    /**
     * The AI's first decisions (not the pre-scoring checks' facts) of an organisation made in [from, to), optionally
     * of one job, each with the buyer's verdict: the override, else the verdict the buyer let stand, the
     * submission's own (approved, or rejected however it is retried), which an upheld appeal may have changed.
     */
    @SuppressWarnings("unchecked")
    public List<Calibration.Pair> calibrationPairs(String orgId, String jobId, Instant from, Instant to) {
        var query = getEntityManager().createNativeQuery("SELECT coalesce(d.scorer, 'unknown'), d.model, d.outcome, "
                + "coalesce(s.override_decision, CASE s.status WHEN 'approved' THEN 'approved' ELSE 'rejected' END) "
                + "FROM submission_decision d "
                + "JOIN submission s ON s.id = d.submission_id WHERE d.org_id = ?1 AND d.sequence = 1 "
                + "AND d.decided_by = ?2 AND d.decided_at >= ?3 AND d.decided_at < ?4"
                + (jobId == null ? "" : " AND s.job_id = ?5"))
                .setParameter(1, orgId).setParameter(2, SubmissionDecision.BY_SCORER).setParameter(3, from)
                .setParameter(4, to);
        if (jobId != null) {
            query.setParameter(5, jobId);
        }
        return ((List<Object[]>) query.getResultList()).stream().map(row -> new Calibration.Pair((String) row[0],
                (String) row[1], SubmissionStatuses.APPROVED.equals(row[2]),
                SubmissionStatuses.APPROVED.equals(row[3]))).toList();
    }

    public int nextSequence(String submissionId) {
        return (int) count("submissionId", submissionId) + 1;
    }
}
