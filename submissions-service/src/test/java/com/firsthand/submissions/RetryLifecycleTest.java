package com.firsthand.submissions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.firsthand.common.testing.KafkaEvents;
import com.firsthand.common.testing.PublishedCredentials;
import com.firsthand.events.SubmissionStatusChanged;
import com.firsthand.events.Topics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rejected submission goes retry_pending when its worker accepts the job again, and rejected again once that slot
 * produced a new attempt (named in retry_submission_id) or ended without one; each move is a
 * submission.status_changed event.
 */
@QuarkusTest
class RetryLifecycleTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;
    @Inject
    AgroalDataSource database;
    WorkerFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new WorkerFixtures(kafka);
    }

    @Test
    void aRetryUploadedClosesTheRejectedSubmissionWithALinkToTheNewAttempt() throws Exception {
        RetryPending retry = retryPending();
        String worker = retry.worker();
        String jobId = retry.jobId();
        String first = retry.rejected();
        String retrySlot = retry.slot();
        String second = WorkerEventsTest.uploaded(worker, jobId);

        given().auth().oauth2(worker).when().get("/v1/worker/submissions/" + first).then().statusCode(200)
                .body("status", equalTo("rejected")).body("retry_submission_id", equalTo(second));
        given().auth().oauth2(worker).when().get("/v1/worker/submissions/" + second).then().statusCode(200)
                .body("status", equalTo("pending_score")).body("retry_submission_id", equalTo(null));
        given().auth().oauth2(worker).when().get("/v1/worker/assignments/" + retrySlot).then().statusCode(200)
                .body("status", equalTo("submitted")).body("submission_id", equalTo(second))
                .body("reason", equalTo(null));
        given().auth().oauth2(worker).when().get("/v1/worker/assignments?status=submitted&job_id=" + jobId).then()
                .statusCode(200).body("data.id.size()", equalTo(2))
                .body("data.submission_id", equalTo(List.of(second, first)));
        String buyer = PublishedCredentials.buyerKey(kafka, "org_test").secret();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(buyer)
                .when().get("/v1/submissions/" + first).then().statusCode(200)
                .body("status", equalTo("rejected")).body("retry_submission_id", equalTo(second)));

        List<SubmissionStatusChanged> changes = KafkaEvents.awaitPayloads(kafka, Topics.SUBMISSION_STATUS_CHANGED,
                first, SubmissionStatusChanged.class, seen -> seen.size() >= 3);
        assertThat(changes).extracting(c -> c.from() + ">" + c.to())
                .containsExactly("pending_score>rejected", "rejected>retry_pending", "retry_pending>rejected");

        given().auth().oauth2(worker).when().get("/v1/worker/assignments?status=used").then().statusCode(400)
                .body("error.param", equalTo("status"));
    }

    @Test
    void aRetrySlotThatLapsesUnusedRejectsTheSubmissionAgainAndItCanBeRetriedOnceMore() throws Exception {
        RetryPending retry = retryPending();
        String worker = retry.worker();
        String jobId = retry.jobId();
        String rejected = retry.rejected();
        String retrySlot = retry.slot();
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE assignment SET expires_at = now() - interval '1 second' WHERE id = ?")) {
            s.setString(1, retrySlot);
            s.executeUpdate();
        }

        awaitWorkerStatus(worker, rejected, "rejected");
        given().auth().oauth2(worker).when().get("/v1/worker/submissions/" + rejected).then()
                .body("retry_submission_id", equalTo(null));
        given().auth().oauth2(worker).when().get("/v1/worker/assignments/" + retrySlot).then()
                .body("status", equalTo("expired")).body("reason", equalTo("expired"));
        List<SubmissionStatusChanged> changes = KafkaEvents.awaitPayloads(kafka, Topics.SUBMISSION_STATUS_CHANGED,
                rejected, SubmissionStatusChanged.class, seen -> seen.size() >= 3);
        assertThat(changes).extracting(c -> c.from() + ">" + c.to())
                .containsExactly("pending_score>rejected", "rejected>retry_pending", "retry_pending>rejected");

        WorkerFixtures.accept(worker, jobId).then().statusCode(200);
        awaitWorkerStatus(worker, rejected, "retry_pending");
    }

    @Test
    void aJobCancelledWhileARetrySlotIsHeldRejectsTheSubmissionAgain() throws Exception {
        RetryPending retry = retryPending();

        fixtures.jobStatus(retry.jobId(), "in_progress", "cancelled");

        awaitWorkerStatus(retry.worker(), retry.rejected(), "rejected");
    }

    /** A worker whose upload to a new job of two files was rejected, holding the slot it re-accepted to retry. */
    private record RetryPending(String worker, String jobId, String rejected, String slot) {
    }

    private RetryPending retryPending() throws Exception {
        String worker = fixtures.worker();
        fixtures.awaitAuthenticated(worker);
        String jobId = fixtures.job(2, null, null);
        String rejected = rejectedUpload(worker, jobId);
        String slot = WorkerFixtures.accept(worker, jobId).then().statusCode(200).extract().path("id");
        awaitWorkerStatus(worker, rejected, "retry_pending");
        return new RetryPending(worker, jobId, rejected, slot);
    }

    private String rejectedUpload(String worker, String jobId) throws Exception {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> WorkerFixtures.accept(worker, jobId).then()
                .statusCode(200));
        String submissionId = WorkerEventsTest.uploaded(worker, jobId);
        KafkaEvents.send(kafka, ApplyScoreTest.scored(jobId, submissionId, 2));
        awaitWorkerStatus(worker, submissionId, "rejected");
        return submissionId;
    }

    private static void awaitWorkerStatus(String worker, String submissionId, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(worker)
                .when().get("/v1/worker/submissions/" + submissionId).then().statusCode(200)
                .body("status", equalTo(status)));
    }
}
