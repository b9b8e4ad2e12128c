package com.firsthand.scoring.messaging;

import com.firsthand.common.inbox.EventConsumer;
import com.firsthand.scoring.service.QueueAppeal;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes submission.appealed, each event once: a worker's appeal queued for the appeal scorer. */
@ApplicationScoped
public class AppealConsumer {

    private final EventConsumer consumer;
    private final QueueAppeal queueAppeal;

    public AppealConsumer(EventConsumer consumer, QueueAppeal queueAppeal) {
        this.consumer = consumer;
        this.queueAppeal = queueAppeal;
    }

    @Incoming("submission-appealed")
    @Blocking
    public void onAppealed(String message) {
        consumer.handle("queue-appeal", message, queueAppeal::queue);
    }
}
