package com.firsthand.scoring.service;

import com.firsthand.common.outbox.Outbox;
import com.firsthand.events.AggregateTypes;
import com.firsthand.events.SubmissionAppealed;
import com.firsthand.events.Topics;
import com.firsthand.scoring.domain.Verdict;
import com.firsthand.scoring.mapping.ScoringMapper;
import com.firsthand.scoring.repository.AppealTaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Writes an appeal's verdict exactly once: the submission.scored outbox event (appeal set, not charged) and the
 * finished appeal task commit together, under the task's row lock; a second attempt finds it done.
 */
@ApplicationScoped
public class RecordAppealVerdict {

    private final AppealTaskRepository appeals;
    private final Outbox outbox;

    public RecordAppealVerdict(AppealTaskRepository appeals, Outbox outbox) {
        this.appeals = appeals;
        this.outbox = outbox;
    }

    /** Returns false when the appeal already had its verdict. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(SubmissionAppealed appealed, Verdict verdict, Instant at) {
        if (!appeals.lockPending(appealed.submissionId())) {
            return false;
        }
        outbox.append(Topics.SUBMISSION_SCORED, AggregateTypes.SUBMISSION, appealed.submissionId(),
                appealed.orgId(), at, ScoringMapper.appealScored(appealed, verdict, at));
        appeals.complete(appealed.submissionId());
        return true;
    }
}
