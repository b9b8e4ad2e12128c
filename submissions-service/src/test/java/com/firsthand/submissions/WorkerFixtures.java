package com.firsthand.submissions;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.firsthand.common.ids.Ids;
import com.firsthand.common.testing.KafkaEvents;
import com.firsthand.common.testing.PublishedCredentials;
import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import com.firsthand.events.JobCreated;
import com.firsthand.events.JobStatusChanged;
import com.firsthand.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Jobs and workers for this service's tests, created the way the platform creates them: through Kafka. */
final class WorkerFixtures {

    private final String kafka;

    WorkerFixtures(String kafka) {
        this.kafka = kafka;
    }

    String worker() {
        return PublishedCredentials.workerToken(kafka).secret();
    }

    void awaitAuthenticated(String token) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(token)
                .when().get("/v1/worker/jobs?limit=1").then().statusCode(200));
    }

    /** A worker holding a slot on a new job of {@code filesNeeded} files. */
    record Holder(String worker, String jobId) {
    }

    Holder workerHoldingASlot(int filesNeeded) {
        String worker = worker();
        awaitAuthenticated(worker);
        String jobId = job(filesNeeded, null, null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> accept(worker, jobId).then().statusCode(200));
        return new Holder(worker, jobId);
    }

    String job(int filesNeeded, Integer maxWorkers, Instant deadline) {
        return job("org_test", filesNeeded, maxWorkers, deadline);
    }

    String job(String orgId, int filesNeeded, Integer maxWorkers, Instant deadline) {
        String jobId = Ids.next(Ids.JOB);
        Instant now = Instant.now();
        KafkaEvents.send(kafka, envelope(Topics.JOB_CREATED, jobId, new JobCreated(jobId, orgId, "open",
                "data_collection", "Mailboxes", filesNeeded, List.of("image/jpeg", "image/png"), 50, null, null, null,
                deadline, maxWorkers, null, null, null, now)));
        return jobId;
    }

    /** A job of {@code orgId} whose photos must come from within 15 km of a point. */
    String jobWithLocation(String orgId, boolean locationRequired) {
        String jobId = Ids.next(Ids.JOB);
        KafkaEvents.send(kafka, envelope(Topics.JOB_CREATED, jobId, new JobCreated(jobId, orgId, "open",
                "data_collection", "Mailboxes", 2, List.of("image/jpeg"), 50, 48.85, 2.29, 15.0, null, null, null,
                null, null, Instant.now(), locationRequired)));
        return jobId;
    }

    void jobStatus(String jobId, String from, String to) {
        KafkaEvents.send(kafka, envelope(Topics.JOB_STATUS_CHANGED, jobId,
                new JobStatusChanged(jobId, "org_test", from, to, Instant.now(), 0, 1, null)));
    }

    static io.restassured.response.Response accept(String token, String jobId) {
        return given().auth().oauth2(token).header("Idempotency-Key", UUID.randomUUID().toString())
                .when().post("/v1/worker/jobs/" + jobId + "/accept");
    }

    private static EventEnvelope envelope(String type, String jobId, Object payload) {
        return new EventEnvelope(Ids.next(Ids.EVENT), type, 1, Instant.now(), "org_test", "job", jobId,
                EventJson.toTree(payload));
    }
}
