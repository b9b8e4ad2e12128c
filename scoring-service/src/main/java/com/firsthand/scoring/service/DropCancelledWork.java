package com.firsthand.scoring.service;

import com.firsthand.events.EventEnvelope;
import com.firsthand.events.JobStatusChanged;
import com.firsthand.events.JobStatuses;
import com.firsthand.scoring.repository.CancelledJobRepository;
import com.firsthand.scoring.repository.FingerprintRepository;
import com.firsthand.scoring.repository.ScoringTaskRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        if (!JobStatuses.CANCELLED.equals(change.to())) {
            return;
        }
        cancelledJobs.add(change.jobId(), change.at());
        dropped.increment(tasks.dropPendingOfJob(change.jobId()));
        fingerprints.rejectPendingOfJob(change.jobId());
    }

    /** After uploads are queued (submission id → job id): drops at once those whose job is already cancelled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queued(Map<String, String> jobBySubmission) {
        Set<String> cancelled = cancelledJobs.cancelledAmong(Set.copyOf(jobBySubmission.values()));
        if (cancelled.isEmpty()) {
            return;
        }
        List<String> late = jobBySubmission.entrySet().stream().filter(e -> cancelled.contains(e.getValue()))
                .map(Map.Entry::getKey).toList();
        dropped.increment(tasks.dropAll(late));
    }
}
