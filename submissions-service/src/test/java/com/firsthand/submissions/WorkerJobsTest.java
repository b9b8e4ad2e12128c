package com.firsthand.submissions;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.firsthand.common.ids.Ids;
import com.firsthand.common.testing.PublishedCredentials;
import com.firsthand.common.testing.KafkaEvents;
import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import com.firsthand.events.JobCreated;
import com.firsthand.events.JobStatusChanged;
import com.firsthand.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WorkerJobsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aPostedJobReachesTheWorkerSideAndLeavesItWhenFilledOrCancelled() {
        WorkerFixtures fixtures = new WorkerFixtures(kafka);
        String worker = fixtures.worker();
        String other = fixtures.worker();
        fixtures.awaitAuthenticated(worker);
        fixtures.awaitAuthenticated(other);
        String jobId = Ids.next(Ids.JOB);
        Instant created = Instant.now();
        JobCreated job = new JobCreated(jobId, "org_x", "open", "data_collection", "Mailboxes", 2,
                List.of("image/jpeg"), 50, 30.2672, -97.7431, 15.0, null, null, null, 640, 480, created);
        EventEnvelope event = envelope(Topics.JOB_CREATED, jobId, job, created);
        KafkaEvents.send(kafka, event);
        KafkaEvents.send(kafka, event);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(worker)
                .when().get("/v1/worker/jobs").then().statusCode(200).body("data.id", hasItem(jobId)));
        given().auth().oauth2(worker).when().get("/v1/worker/jobs?type=data_collection").then()
                .body("data.findAll { it.id == '" + jobId + "' }.size()", equalTo(1))
                .body("data.find { it.id == '" + jobId + "' }.location.radius_km", equalTo(15.0f));

        WorkerFixtures.accept(worker, jobId).then().statusCode(200);
        WorkerFixtures.accept(other, jobId).then().statusCode(200);
        given().auth().oauth2(worker).when().get("/v1/worker/jobs").then().body("data.id", not(hasItem(jobId)));

        String cancelled = fixtures.job(3, null, null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(worker)
                .when().get("/v1/worker/jobs").then().body("data.id", hasItem(cancelled)));
        KafkaEvents.send(kafka, envelope(Topics.JOB_STATUS_CHANGED, cancelled,
                new JobStatusChanged(cancelled, "org_x", "open", "cancelled", Instant.now(), 0, 3, null), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(worker)
                .when().get("/v1/worker/jobs").then().statusCode(200).body("data.id", not(hasItem(cancelled))));
    }

    @Test
    void aCancelThatOvertakesTheJobsCreationIsAppliedOnceTheJobArrives() {
        WorkerFixtures fixtures = new WorkerFixtures(kafka);
        String worker = fixtures.worker();
        fixtures.awaitAuthenticated(worker);
        String jobId = Ids.next(Ids.JOB);
        Instant created = Instant.now();
        KafkaEvents.send(kafka, envelope(Topics.JOB_STATUS_CHANGED, jobId, new JobStatusChanged(jobId, "org_x", "open",
                "cancelled", created.plusSeconds(1), 0, 2, null), created.plusSeconds(1)));
        KafkaEvents.send(kafka, envelope(Topics.JOB_CREATED, jobId, new JobCreated(jobId, "org_x", "open",
                "data_collection", "Mailboxes", 2, List.of("image/jpeg"), 50, null, null, null, null, null, null, null,
                null, created), created));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> WorkerFixtures.accept(worker, jobId).then()
                .statusCode(409).body("error.code", equalTo("job_not_open")));
        given().auth().oauth2(worker).when().get("/v1/worker/jobs").then().body("data.id", not(hasItem(jobId)));
    }

    @Test
    void buyersAreForbiddenAndRevokedTokensStopWorking() {
        PublishedCredentials.Issued buyer = PublishedCredentials.buyerKey(kafka);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(buyer.secret())
                .when().get("/v1/worker/jobs").then().statusCode(403).body("error.type", equalTo("permission_error")));

        PublishedCredentials.Issued worker = PublishedCredentials.workerToken(kafka);
        awaitAuthenticated(worker.secret());
        PublishedCredentials.revoke(kafka, worker);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(worker.secret())
                .when().get("/v1/worker/jobs").then().statusCode(401));
        given().when().get("/v1/worker/jobs").then().statusCode(401);
    }

    @Test
    void badFiltersAre400() {
        PublishedCredentials.Issued worker = PublishedCredentials.workerToken(kafka);
        awaitAuthenticated(worker.secret());
        given().auth().oauth2(worker.secret()).when().get("/v1/worker/jobs?type=art").then().statusCode(400)
                .body("error.param", equalTo("type"));
        given().auth().oauth2(worker.secret()).when().get("/v1/worker/jobs?cursor=abc").then().statusCode(400)
                .body("error.param", equalTo("cursor"));
    }

    private void awaitAuthenticated(String secret) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(secret)
                .when().get("/v1/worker/jobs").then().statusCode(200));
    }

    private static EventEnvelope envelope(String type, String jobId, Object payload, Instant at) {
        return new EventEnvelope(Ids.next(Ids.EVENT), type, 1, at, "org_x", "job", jobId, EventJson.toTree(payload));
    }
}
