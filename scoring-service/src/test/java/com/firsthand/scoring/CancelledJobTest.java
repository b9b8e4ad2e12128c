package com.firsthand.scoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.firsthand.common.ids.Ids;
import com.firsthand.common.testing.KafkaEvents;
import com.firsthand.common.testing.PublishedCredentials;
import com.firsthand.common.testing.SyntheticPhotos;
import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import com.firsthand.events.JobStatusChanged;
import com.firsthand.events.Topics;
import com.firsthand.scoring.ScoringFixtures.Job;
import io.agroal.api.AgroalDataSource;
import io.minio.MinioClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cancelled job's remaining scoring work is dropped, whichever of the cancel and the upload arrives first:
 * no verdict, no submission.scored, no credit, and its pending fingerprint no longer counts as earlier work.
 */
@QuarkusTest
class CancelledJobTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    MinioClient minio;

    @Inject
    AgroalDataSource db;

    ScoringFixtures fixtures;
    String orgId;

    @BeforeEach
    void setUp() throws Exception {
        fixtures = new ScoringFixtures(kafka, minio);
        orgId = Ids.next(Ids.ORGANIZATION);
    }

    @Test
    void anUploadArrivingAfterItsJobWasCancelledIsDroppedWithoutCredit() throws Exception {
        String buyer = PublishedCredentials.buyerKey(kafka, orgId).secret();
        Job cancelled = Job.photos(orgId);
        cancel(cancelled);
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM cancelled_job WHERE job_id = ?",
                cancelled.jobId()) == 1);

        EventEnvelope late = fixtures.upload(cancelled, "wkr_late", ScoringFlowTest.goodPhoto(41), "image/jpeg");
        await().atMost(Duration.ofSeconds(20)).until(() -> "dropped".equals(taskStatus(late.aggregateId())));

        // Scoring goes on for other jobs: an upload after the dropped one is scored and charged, alone.
        fixtures.scored(fixtures.upload(Job.photos(orgId), "wkr_late", ScoringFlowTest.goodPhoto(42), "image/jpeg"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(buyer).when()
                .get("/v1/usage").then().statusCode(200).body("credits_used", equalTo(1))
                .body("submissions_scored", equalTo(1)));
        assertThat(count("SELECT count(*) FROM score WHERE submission_id = ?", late.aggregateId())).isZero();
    }

    @Test
    void aCancelDropsTheJobsWaitingTasksAndReleasesTheirFingerprints() throws Exception {
        Job job = Job.photos(orgId);
        String waiting = Ids.next(Ids.SUBMISSION);
        EventEnvelope stored = fixtures.store(job, waiting, "wkr_wait",
                SyntheticPhotos.jpeg(SyntheticPhotos.scene(43, 1200, 900), 0.9f));
        // As if the scorer's provider were down: the task waits for its next attempt in an hour.
        execute("INSERT INTO scoring_task (submission_id, payload, attempts, next_attempt_at, queued_at) "
                + "VALUES (?, CAST(? AS jsonb), 1, now() + interval '1 hour', now())", waiting,
                EventJson.write(stored));
        execute("INSERT INTO fingerprint (submission_id, job_id, worker_id, sha256, dhash, outcome, created_at) "
                + "VALUES (?, ?, 'wkr_wait', 'abc', 42, 'pending', now())", waiting, job.jobId());

        cancel(job);

        await().atMost(Duration.ofSeconds(20)).until(() -> "dropped".equals(taskStatus(waiting)));
        assertThat(count("SELECT count(*) FROM fingerprint WHERE submission_id = ? AND outcome = 'rejected'",
                waiting)).isEqualTo(1);
        assertThat(given().when().get("/q/metrics").then().statusCode(200).extract().asString())
                .containsPattern("firsthand_scoring_tasks_dropped_total(\\{[^}]*\\})? [1-9]");
    }

    private void cancel(Job job) {
        Instant now = Instant.now();
        KafkaEvents.send(kafka, new EventEnvelope(Ids.next(Ids.EVENT), Topics.JOB_STATUS_CHANGED, 1, now, orgId, "job",
                job.jobId(), EventJson.toTree(new JobStatusChanged(job.jobId(), orgId, "open", "cancelled", now, 0, 3,
                        null))));
    }

    private String taskStatus(String submissionId) throws Exception {
        return new Sql(db).first(String.class, "SELECT status FROM scoring_task WHERE submission_id = ?",
                submissionId);
    }

    private long count(String sql, String value) throws Exception {
        return new Sql(db).first(Long.class, sql, value);
    }

    private void execute(String sql, String... values) throws Exception {
        new Sql(db).execute(sql, values);
    }
}
