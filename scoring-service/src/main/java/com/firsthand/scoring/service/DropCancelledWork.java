package com.firsthand.scoring.service;

import com.firsthand.events.EventEnvelope;
import com.firsthand.events.JobStatusChanged;
import com.firsthand.scoring.repository.CancelledJobRepository;
import com.firsthand.scoring.repository.FingerprintRepository;
import com.firsthand.scoring.repository.ScoringTaskRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * A buyer cancelled a job: submissions-service rejects its submissions that wait for a score, so scoring them
 * would spend scorer time (an LLM's, in production) and charge the buyer for files nobody receives. Tasks still
 * waiting, in backoff included, are dropped with their pending fingerprints, and an upload event that arrives
 * after the cancel is dropped as it is queued. A file being scored at that very moment has its verdict discarded:
 * RecordVerdict writes only for a task that is still pending.
 */
@ApplicationScoped
public class DropCancelledWork {

    private final CancelledJobRepository cancelledJobs;
    private final ScoringTaskRepository tasks;
    private final FingerprintRepository fingerprints;
    private final Counter dropped;

    public DropCancelledWork(CancelledJobRepository cancelledJobs, ScoringTaskRepository tasks,
            FingerprintRepository fingerprints, MeterRegistry metrics) {
        this.cancelledJobs = cancelledJobs;
        this.tasks = tasks;
        this.fingerprints = fingerprints;
        this.dropped = Counter.builder("firsthand.scoring.tasks.dropped")
                .description("Scoring tasks dropped because their job was cancelled before the verdict")
                .register(metrics);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(EventEnvelope event) {
        JobStatusChanged change = event.payloadAs(JobStatusChanged.class);
        if (!"cancelled".equals(change.to())) {
            return;
        }
        cancelledJobs.add(change.jobId(), change.at());
        dropped.increment(tasks.dropPendingOfJob(change.jobId()));
        fingerprints.rejectPendingOfJob(change.jobId());
    }

    /** After an upload is queued: drops it at once when its job is already cancelled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queued(String submissionId, String jobId) {
        if (cancelledJobs.contains(jobId) && tasks.drop(submissionId)) {
            dropped.increment();
        }
    }
}
