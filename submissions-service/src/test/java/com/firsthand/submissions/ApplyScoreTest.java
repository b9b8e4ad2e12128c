package com.firsthand.submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplyScoreTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;
    @Inject
    SubmissionRepository submissions;
    @Inject
    JobReplicaRepository jobs;
    @Inject
    PayoutRepository payouts;
    @Inject
    MinioClient minio;
    WorkerFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new WorkerFixtures(kafka);
    }

    @Test
    void anApprovalDeliversTheFileAndPaysOnceAcrossRedeliveries() throws Exception {
        String worker = fixtures.worker();
        String jobId = acceptedJob(worker, 2);
        String submissionId = uploaded(worker, jobId);

        EventEnvelope score = scored(jobId, submissionId, 4);
        KafkaEvents.send(kafka, score);
        KafkaEvents.send(kafka, score);
        KafkaEvents.send(kafka, scored(jobId, submissionId, 5));

        Submission approved = awaitStatus(submissionId, SubmissionStatuses.APPROVED);
        assertThat(approved.aiStarRating).isEqualTo(4);
        assertThat(approved.fileKey).isEqualTo("orgs/org_test/jobs/" + jobId + "/files/" + approved.fileId);
        assertThat(minio.statObject(StatObjectArgs.builder().bucket("firsthand").object(approved.fileKey).build())
                .size()).isPositive();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> QuarkusTransaction
                .requiringNew().call(() -> payouts.count(submissionId)) == 1);
        JobReplica job = QuarkusTransaction.requiringNew().call(() -> jobs.findById(jobId));
        assertThat(job.approved).isEqualTo(1);
        assertThat(job.pending).isZero();
    }

    @Test
    void aRejectionFreesTheSlotAndReacceptingMovesItToRetryPending() throws Exception {
        String worker = fixtures.worker();
        String jobId = acceptedJob(worker, 1);
        String submissionId = uploaded(worker, jobId);
        String other = fixtures.worker();
        fixtures.awaitAuthenticated(other);
        WorkerFixtures.accept(other, jobId).then().statusCode(409);

        KafkaEvents.send(kafka, scored(jobId, submissionId, 2));

        Submission rejected = awaitStatus(submissionId, SubmissionStatuses.REJECTED);
        assertThat(rejected.aiReasoning).isEqualTo("Scored 2 stars by the test");
        assertThat(QuarkusTransaction.requiringNew().call(() -> payouts.count(submissionId))).isZero();
        WorkerFixtures.accept(worker, jobId).then().statusCode(200);
        awaitStatus(submissionId, SubmissionStatuses.RETRY_PENDING);
    }

    @Test
    void aCancelRejectsPendingWorkAndALateScoreChangesNothing() throws Exception {
        String worker = fixtures.worker();
        String jobId = acceptedJob(worker, 3);
        String submissionId = uploaded(worker, jobId);
        String holder = fixtures.worker();
        fixtures.awaitAuthenticated(holder);
        WorkerFixtures.accept(holder, jobId).then().statusCode(200);

        fixtures.jobStatus(jobId, "in_progress", "cancelled");
        Submission rejected = awaitStatus(submissionId, SubmissionStatuses.REJECTED);
        assertThat(rejected.aiReasoning).contains("cancelled");
        KafkaEvents.send(kafka, scored(jobId, submissionId, 5));

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> status(submissionId)
                .equals(SubmissionStatuses.REJECTED));
        assertThat(QuarkusTransaction.requiringNew().call(() -> payouts.count(submissionId))).isZero();
        JobReplica job = QuarkusTransaction.requiringNew().call(() -> jobs.findById(jobId));
        assertThat(job.pending).isZero();
        assertThat(job.held).isZero();
        assertThat(job.approved).isZero();
    }

    private String acceptedJob(String worker, int filesNeeded) {
        fixtures.awaitAuthenticated(worker);
        String jobId = fixtures.job(filesNeeded, null, null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> WorkerFixtures.accept(worker, jobId).then()
                .statusCode(200));
        return jobId;
    }

    private static String uploaded(String worker, String jobId) throws Exception {
        return UploadTest.upload(worker, jobId, "photo.jpg", "image/jpeg", UploadTest.jpeg(320, 240)).then()
                .statusCode(200).extract().path("id");
    }

    private String status(String submissionId) {
        return QuarkusTransaction.requiringNew().call(() -> submissions.findById(submissionId).status);
    }

    private Submission awaitStatus(String submissionId, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> status(submissionId).equals(status));
        return QuarkusTransaction.requiringNew().call(() -> submissions.findById(submissionId));
    }

    static EventEnvelope scored(String jobId, String submissionId, int stars) {
        SubmissionScored payload = new SubmissionScored(submissionId, jobId, "org_test", "wkr_x", stars,
                "Scored " + stars + " stars by the test", false, 1,
                List.of(new SubmissionScored.Check("sharpness", true, "fine")), "test", Instant.now());
        return new EventEnvelope(Ids.next(Ids.EVENT), Topics.SUBMISSION_SCORED, 1, Instant.now(), "org_test",
                "submission", submissionId, EventJson.toTree(payload));
    }
}
