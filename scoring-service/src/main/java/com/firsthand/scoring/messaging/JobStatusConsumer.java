package com.firsthand.scoring.messaging;

import com.firsthand.common.inbox.EventConsumer;
import com.firsthand.scoring.service.DropCancelledWork;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes job.status_changed, each event once: a cancel drops the job's remaining scoring work. */
@ApplicationScoped
public class JobStatusConsumer {

    private final EventConsumer consumer;
    private final DropCancelledWork dropCancelledWork;

    public JobStatusConsumer(EventConsumer consumer, DropCancelledWork dropCancelledWork) {
        this.consumer = consumer;
        this.dropCancelledWork = dropCancelledWork;
    }

    @Incoming("job-status-changed")
    @Blocking
    public void onStatusChanged(String message) {
        consumer.handle("drop-cancelled-work", message, dropCancelledWork::statusChanged);
    }
}
