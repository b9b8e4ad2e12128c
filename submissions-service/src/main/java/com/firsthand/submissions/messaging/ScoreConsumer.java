package com.firsthand.submissions.messaging;

import com.firsthand.common.inbox.EventConsumer;
import com.firsthand.events.SubmissionScored;
import com.firsthand.submissions.service.ApplyScore;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes submission.scored, each event once. */
@ApplicationScoped
public class ScoreConsumer {

    private final EventConsumer consumer;
    private final ApplyScore applyScore;

    public ScoreConsumer(EventConsumer consumer, ApplyScore applyScore) {
        this.consumer = consumer;
        this.applyScore = applyScore;
    }

    @Incoming("submission-scored")
    @Blocking
    public void onScored(String message) {
        consumer.handle("apply-score", message, event -> applyScore.apply(event.payloadAs(SubmissionScored.class)));
    }
}
