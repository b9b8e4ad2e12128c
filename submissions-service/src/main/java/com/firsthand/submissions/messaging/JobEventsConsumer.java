package com.firsthand.submissions.messaging;

import com.firsthand.common.inbox.EventConsumer;
import com.firsthand.events.JobCreated;
import com.firsthand.events.JobStatusChanged;
import com.firsthand.submissions.service.JobReplication;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes job.created and job.status_changed into the job replica, each event once. */
@ApplicationScoped
public class JobEventsConsumer {

    private final EventConsumer consumer;
    private final JobReplication replication;

    public JobEventsConsumer(EventConsumer consumer, JobReplication replication) {
        this.consumer = consumer;
        this.replication = replication;
    }

    @Incoming("job-created")
    @Blocking
    public void onJobCreated(String message) {
        consumer.handle("job-replica", message, event -> replication.created(event.payloadAs(JobCreated.class)));
    }

    @Incoming("job-status-changed")
    @Blocking
    public void onJobStatusChanged(String message) {
        consumer.handle("job-replica", message,
                event -> replication.statusChanged(event.payloadAs(JobStatusChanged.class)));
    }
}
