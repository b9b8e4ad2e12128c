package com.firsthand.scoring.messaging;

import com.firsthand.common.outbox.EventConsumer;
import com.firsthand.scoring.service.QueueForScoring;
import com.firsthand.scoring.service.ScoringWorkers;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes submission.uploaded into the scoring queue, each event once, and wakes a scoring worker. */
@ApplicationScoped
public class UploadConsumer {

    private final EventConsumer consumer;
    private final QueueForScoring queue;
    private final ScoringWorkers workers;

    public UploadConsumer(EventConsumer consumer, QueueForScoring queue, ScoringWorkers workers) {
        this.consumer = consumer;
        this.queue = queue;
        this.workers = workers;
    }

    @Incoming("submission-uploaded")
    @Blocking
    public void onUploaded(String message) {
        consumer.handle("queue-scoring", message, queue::queue);
        workers.wake();
    }
}
