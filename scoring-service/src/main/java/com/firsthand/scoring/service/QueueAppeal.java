package com.firsthand.scoring.service;

import com.firsthand.common.tracing.TraceCarrier;
import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import com.firsthand.events.SubmissionAppealed;
import com.firsthand.scoring.repository.AppealTaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Queues a worker's appeal for the appeal scorer (ScoreAppeals), once whatever the redeliveries. */
@ApplicationScoped
public class QueueAppeal {

    private final AppealTaskRepository appeals;
    private final TraceCarrier traces;

    public QueueAppeal(AppealTaskRepository appeals, TraceCarrier traces) {
        this.appeals = appeals;
        this.traces = traces;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(EventEnvelope event) {
        SubmissionAppealed appealed = event.payloadAs(SubmissionAppealed.class);
        appeals.enqueue(appealed.submissionId(), EventJson.write(event), traces.currentJson());
    }
}
