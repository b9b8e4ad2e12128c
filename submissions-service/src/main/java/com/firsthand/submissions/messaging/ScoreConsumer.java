package com.firsthand.submissions.messaging;

import com.firsthand.common.inbox.EventConsumer;
import com.firsthand.events.SubmissionScored;
import com.firsthand.submissions.service.ApplyAppealScore;
import com.firsthand.submissions.service.ApplyScore;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes submission.scored, each event once: a score, or an appeal's score. */
@ApplicationScoped
public class ScoreConsumer {

    private final EventConsumer consumer;
    private final ApplyScore applyScore;
    private final ApplyAppealScore applyAppealScore;

    public ScoreConsumer(EventConsumer consumer, ApplyScore applyScore, ApplyAppealScore applyAppealScore) {
        this.consumer = consumer;
        this.applyScore = applyScore;
        this.applyAppealScore = applyAppealScore;
    }

    @Incoming("submission-scored")
    @Blocking
    public void onScored(String message) {
        consumer.handle("apply-score", message, event -> {
            SubmissionScored score = event.payloadAs(SubmissionScored.class);
            if (score.appeal()) {
                applyAppealScore.apply(score);
            } else {
                applyScore.apply(score);
            }
        });
    }
}
