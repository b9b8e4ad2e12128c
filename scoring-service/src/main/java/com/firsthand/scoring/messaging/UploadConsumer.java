package com.firsthand.scoring.messaging;

import com.firsthand.common.inbox.EventConsumer;
import com.firsthand.common.inbox.EventConsumer.DeadLetteredEvent;
import com.firsthand.common.tracing.TraceCarrier;
import com.firsthand.scoring.service.QueueForScoring;
import com.firsthand.scoring.service.ScoringWorkers;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes submission.uploaded a poll at a time into the scoring queue, each event once, and wakes the claimer.
 * Records given up on (malformed, or failing on their own) are handed to the dead-letter strategy one by one;
 * the batch is acknowledged once they are.
 */
@ApplicationScoped
public class UploadConsumer {

    private final EventConsumer consumer;
    private final QueueForScoring queue;
    private final ScoringWorkers workers;
    private final TraceCarrier traces;

    public UploadConsumer(EventConsumer consumer, QueueForScoring queue, ScoringWorkers workers,
            TraceCarrier traces) {
        this.consumer = consumer;
        this.queue = queue;
        this.workers = workers;
        this.traces = traces;
    }

    @Incoming("submission-uploaded")
    @Blocking
    public CompletionStage<Void> onUploaded(KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        Map<String, String> traceBySubmission = new HashMap<>();
        for (KafkaRecord<String, String> record : records) {
            String trace = traces.fromHeaders(record.getHeaders());
            if (record.getKey() != null && trace != null) {
                traceBySubmission.put(record.getKey(), trace);
            }
        }
        Map<Integer, DeadLetteredEvent> givenUp = consumer.handleBatch("queue-scoring",
                records.stream().map(KafkaRecord::getPayload).toList(),
                events -> queue.queue(events, traceBySubmission));
        workers.wake();
        givenUp.forEach((index, failure) -> records.get(index).nack(failure).toCompletableFuture().join());
        return batch.ack();
    }
}
