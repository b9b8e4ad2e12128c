package com.firsthand.submissions.service;

import com.firsthand.common.outbox.Outbox;
import com.firsthand.events.AggregateTypes;
import com.firsthand.events.JobCapacityChanged;
import com.firsthand.events.Topics;
import com.firsthand.submissions.domain.JobReplica;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** Publishes a job's slot counts after every change, numbered so jobs-service can ignore stale ones. */
@ApplicationScoped
public class SlotCapacity {

    private final Outbox outbox;
    private final Clock clock;

    public SlotCapacity(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Call with the job row locked, in the transaction that changed its counts. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(JobReplica job) {
        job.capacitySequence++;
        Instant now = clock.instant();
        outbox.append(Topics.JOB_CAPACITY_CHANGED, AggregateTypes.JOB, job.id, job.orgId, now,
                new JobCapacityChanged(job.id, job.orgId, job.capacitySequence, job.approved, job.pending, job.held,
                        job.rejected, Math.max(0, job.remaining()), job.averageRating(), now));
    }
}
