package com.firsthand.submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.firsthand.common.ids.Ids;
import com.firsthand.common.testing.KafkaEvents;
import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import com.firsthand.events.SubmissionScored;
import com.firsthand.events.SubmissionStatuses;
import com.firsthand.events.Topics;
import com.firsthand.submissions.domain.JobReplica;
import com.firsthand.submissions.domain.Submission;
import com.firsthand.submissions.repository.JobReplicaRepository;
import com.firsthand.submissions.repository.PayoutRepository;
import com.firsthand.submissions.repository.SubmissionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Anything that can write to submission.scored is not trusted: a verdict scoring-service cannot give (9 stars, a
 * blank submission) approves and pays nothing, and does not hold up the real verdict behind it in its partition.
 */
@QuarkusTest
class ForgedScoreTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;
    @Inject
    SubmissionRepository submissions;
    @Inject
    JobReplicaRepository jobs;
    @Inject
    PayoutRepository payouts;

    @Test
    void aForgedVerdictChangesNothingAndTheRealOneStillApplies() throws Exception {
        WorkerFixtures.Holder holder = new WorkerFixtures(kafka).workerHoldingASlot(2);
        String submissionId = UploadTest.upload(holder.worker(), holder.jobId(), "photo.jpg", "image/jpeg",
                UploadTest.jpeg(320, 240)).then().statusCode(200).extract().path("id");

        KafkaEvents.send(kafka, forged(holder.jobId(), submissionId, "ai_star_rating", 9));
        KafkaEvents.send(kafka, forged(holder.jobId(), submissionId, "submission_id", " "));
        KafkaEvents.send(kafka, envelope(submissionId, EventJson.toTree(scored(holder.jobId(), submissionId, 2))));

        await().atMost(Duration.ofSeconds(30)).until(() -> submission(submissionId).status
                .equals(SubmissionStatuses.REJECTED));
        assertThat(submission(submissionId).aiStarRating).isEqualTo(2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> payouts.count(submissionId))).isZero();
        JobReplica job = QuarkusTransaction.requiringNew().call(() -> jobs.findById(holder.jobId()));
        assertThat(job.approved).isZero();
        assertThat(job.rejected).isEqualTo(1);
        assertThat(job.pending).isZero();
    }

    private Submission submission(String submissionId) {
        return QuarkusTransaction.requiringNew().call(() -> submissions.findById(submissionId));
    }

    private static SubmissionScored scored(String jobId, String submissionId, int stars) {
        return new SubmissionScored(submissionId, jobId, "org_test", "wkr_x", stars, "Scored " + stars + " stars",
                false, 1, List.of(new SubmissionScored.Check("sharpness", true, "fine")), "local", Instant.now());
    }

    private static EventEnvelope forged(String jobId, String submissionId, String field, Object value) {
        ObjectNode payload = (ObjectNode) EventJson.toTree(scored(jobId, submissionId, 4));
        payload.set(field, EventJson.toTree(value));
        return envelope(submissionId, payload);
    }

    private static EventEnvelope envelope(String submissionId, com.fasterxml.jackson.databind.JsonNode payload) {
        return new EventEnvelope(Ids.next(Ids.EVENT), Topics.SUBMISSION_SCORED, 1, Instant.now(), "org_test",
                "submission", submissionId, payload);
    }
}
