package com.firsthand.scoring.service;

import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import com.firsthand.events.SubmissionUploaded;
import com.firsthand.scoring.repository.ScoringTaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Accepts an uploaded submission for scoring, once per submission whatever the number of deliveries. */
@ApplicationScoped
public class QueueForScoring {

    private final ScoringTaskRepository tasks;
    private final DropCancelledWork dropCancelledWork;

    public QueueForScoring(ScoringTaskRepository tasks, DropCancelledWork dropCancelledWork) {
        this.tasks = tasks;
        this.dropCancelledWork = dropCancelledWork;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean queue(EventEnvelope event) {
        SubmissionUploaded upload = event.payloadAs(SubmissionUploaded.class);
        boolean queued = tasks.enqueue(upload.submissionId(), EventJson.write(event));
        if (queued) {
            dropCancelledWork.queued(upload.submissionId(), upload.jobId());
        }
        return queued;
    }
}
