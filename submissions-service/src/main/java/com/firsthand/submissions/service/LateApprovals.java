package com.firsthand.submissions.service;

import com.firsthand.common.ids.Ids;
import com.firsthand.submissions.domain.JobReplica;
import com.firsthand.submissions.domain.Submission;
import com.firsthand.submissions.repository.FileStorage;
import com.firsthand.submissions.repository.PayoutRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Approving work that was rejected (a buyer's override, an upheld appeal): its file is delivered to the job folder
 * without metadata and the worker is paid, once: a payout, or a credit where an earlier payout was reversed.
 */
@ApplicationScoped
public class LateApprovals {

    private final DeliverApprovedFile delivery;
    private final PayoutRepository payouts;

    public LateApprovals(DeliverApprovedFile delivery, PayoutRepository payouts) {
        this.delivery = delivery;
        this.payouts = payouts;
    }

    /** @return the change to the worker's earnings */
    @Transactional(Transactional.TxType.MANDATORY)
    public int deliverAndPay(JobReplica job, Submission submission, String reason, Instant now) {
        submission.fileId = Ids.derived(Ids.FILE, submission.id);
        submission.fileKey = FileStorage.jobFileKey(job.orgId, job.id, submission.fileId);
        submission.fileSizeBytes = delivery.deliver(submission);
        int delta = job.pricePerFileCents - payouts.netCents(submission.id);
        if (!payouts.record(submission.id, submission.workerId, job.id, job.pricePerFileCents, now)) {
            payouts.adjust(Ids.next(Ids.PAYOUT_ADJUSTMENT), submission.id, submission.workerId, job.id, delta,
                    reason, now);
        }
        return delta;
    }
}
