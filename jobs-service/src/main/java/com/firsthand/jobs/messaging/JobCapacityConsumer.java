package com.firsthand.jobs.messaging;

import com.firsthand.common.inbox.EventConsumer;
import com.firsthand.events.JobCapacityChanged;
import com.firsthand.jobs.service.RecordJobProgress;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes job.capacity_changed from submissions-service, each event once. */
@ApplicationScoped
public class JobCapacityConsumer {

    private final EventConsumer consumer;
    private final RecordJobProgress progress;

    public JobCapacityConsumer(EventConsumer consumer, RecordJobProgress progress) {
        this.consumer = consumer;
        this.progress = progress;
    }

    @Incoming("job-capacity-changed")
    @Blocking
    public void onCapacityChanged(String message) {
        consumer.handle("job-progress", message, event -> progress.record(event.payloadAs(JobCapacityChanged.class)));
    }
}
