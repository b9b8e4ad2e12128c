package com.firsthand.scoring.service;

import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import com.firsthand.events.SubmissionUploaded;
import com.firsthand.scoring.repository.ScoringTaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accepts uploaded submissions for scoring, once per submission whatever the number of deliveries: a poll's
 * uploads in one insert, so the queue fills far faster than files are scored and every organisation's uploads
 * are in it for the fair claim to choose from.
 */
@ApplicationScoped
public class QueueForScoring {

    private final ScoringTaskRepository tasks;
    private final DropCancelledWork dropCancelledWork;

    public QueueForScoring(ScoringTaskRepository tasks, DropCancelledWork dropCancelledWork) {
        this.tasks = tasks;
        this.dropCancelledWork = dropCancelledWork;
    }

    /**
     * Queues the uploads the events announce, each with the trace context its record carried (by submission id,
     * the records' key; none for a submission missing there); returns how many were new.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int queue(List<EventEnvelope> events, Map<String, String> traceBySubmission) {
        List<String> ids = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        List<String> traces = new ArrayList<>();
        Map<String, String> jobBySubmission = new HashMap<>();
        for (EventEnvelope event : events) {
            SubmissionUploaded upload = event.payloadAs(SubmissionUploaded.class);
            ids.add(upload.submissionId());
            payloads.add(EventJson.write(event));
            traces.add(traceBySubmission.get(upload.submissionId()));
            jobBySubmission.putIfAbsent(upload.submissionId(), upload.jobId());
        }
        List<String> queued = tasks.enqueueAll(ids, payloads, traces);
        if (!queued.isEmpty()) {
            jobBySubmission.keySet().retainAll(Set.copyOf(queued));
            dropCancelledWork.queued(jobBySubmission);
        }
        return queued.size();
    }
}
