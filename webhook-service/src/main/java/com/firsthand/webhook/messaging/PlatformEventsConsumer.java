package com.firsthand.webhook.messaging;

import com.firsthand.common.inbox.EventConsumer;
import com.firsthand.events.JobCreated;
import com.firsthand.events.JobStatusChanged;
import com.firsthand.events.SubmissionStatusChanged;
import com.firsthand.webhook.service.RecordPlatformEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes submission.status_changed, job.created and job.status_changed, each event once, into public events. */
@ApplicationScoped
public class PlatformEventsConsumer {

    static final String CONSUMER = "public-events";

    private final EventConsumer consumer;
    private final RecordPlatformEvents record;

    public PlatformEventsConsumer(EventConsumer consumer, RecordPlatformEvents record) {
        this.consumer = consumer;
        this.record = record;
    }

    @Incoming("submission-status-changed")
    @Blocking
    public void onSubmissionStatusChanged(String message) {
        consumer.handle(CONSUMER, message, event -> record.submissionStatusChanged(event.id(), event.occurredAt(),
                event.payloadAs(SubmissionStatusChanged.class)));
    }

    @Incoming("job-created")
    @Blocking
    public void onJobCreated(String message) {
        consumer.handle(CONSUMER, message, event -> record.jobCreated(event.payloadAs(JobCreated.class)));
    }

    @Incoming("job-status-changed")
    @Blocking
    public void onJobStatusChanged(String message) {
        consumer.handle(CONSUMER, message, event -> record.jobStatusChanged(event.id(), event.occurredAt(),
                event.payloadAs(JobStatusChanged.class)));
    }
}
