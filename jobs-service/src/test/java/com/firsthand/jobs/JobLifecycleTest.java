package com.firsthand.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.firsthand.common.ids.Ids;
import com.firsthand.common.testing.KafkaEvents;
import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import com.firsthand.events.JobCapacityChanged;
import com.firsthand.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JobLifecycleTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void capacityEventsDriveTheStatusAndACompletedJobIsRatedOnce() {
        String apiKey = Accounts.newOrganizationKey();
        String jobId = postJob(apiKey);

        KafkaEvents.send(kafka, capacity(jobId, 1, 0, 2, 1, 0));
        awaitStatus(apiKey, jobId, "filled");
        KafkaEvents.send(kafka, capacity(jobId, 2, 0, 1, 1, 1));
        awaitStatus(apiKey, jobId, "open");

        EventEnvelope done = capacity(jobId, 3, 3, 0, 0, 1);
        KafkaEvents.send(kafka, done);
        KafkaEvents.send(kafka, done);
        KafkaEvents.send(kafka, capacity(jobId, 2, 1, 1, 1, 0));
        awaitStatus(apiKey, jobId, "completed");
        given().auth().oauth2(apiKey).when().get("/v1/jobs/" + jobId).then()
                .body("files_approved", equalTo(3)).body("completed_at", notNullValue())
                .body("submission_summary.rejected", equalTo(1));

        rate(apiKey, jobId, "{\"rating\":6}").then().statusCode(400).body("error.param", equalTo("rating"));
        rate(apiKey, jobId, "{\"rating\":4,\"feedback\":\"Great photos\"}").then().statusCode(200)
                .body("buyer_rating", equalTo(4)).body("buyer_feedback", equalTo("Great photos"));
        rate(apiKey, jobId, "{\"rating\":5}").then().statusCode(409).body("error.code", equalTo("job_already_rated"));
        given().auth().oauth2(apiKey).header("Idempotency-Key", UUID.randomUUID().toString()).when()
                .post("/v1/jobs/" + jobId + "/cancel").then().statusCode(409)
                .body("error.code", equalTo("job_not_cancellable"));
    }

    @Test
    void cancelStopsTheJobAndALateApprovalChangesNoStatus() {
        String apiKey = Accounts.newOrganizationKey();
        String jobId = postJob(apiKey);

        given().auth().oauth2(apiKey).header("Idempotency-Key", UUID.randomUUID().toString()).when()
                .post("/v1/jobs/" + jobId + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled")).body("cancelled_at", notNullValue());
        rate(apiKey, jobId, "{\"rating\":3}").then().statusCode(409).body("error.code", equalTo("job_not_completed"));

        KafkaEvents.send(kafka, capacity(jobId, 1, 3, 0, 0, 0));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(apiKey)
                .when().get("/v1/jobs/" + jobId).then().body("files_approved", equalTo(3)));
        given().auth().oauth2(apiKey).when().get("/v1/jobs/" + jobId).then().body("status", equalTo("cancelled"));
    }

    @Test
    void anotherOrganisationCannotCancelOrRate() {
        String jobId = postJob(Accounts.newOrganizationKey());
        String other = Accounts.newOrganizationKey();
        given().auth().oauth2(other).header("Idempotency-Key", UUID.randomUUID().toString()).when()
                .post("/v1/jobs/" + jobId + "/cancel").then().statusCode(404);
        rate(other, jobId, "{\"rating\":3}").then().statusCode(404);
    }

    @Test
    void aPastDeadlineExpiresTheJob() throws Exception {
        String apiKey = Accounts.newOrganizationKey();
        // Far enough ahead to be still in the future when the request is validated, on a slow machine too.
        String deadline = Instant.now().plusSeconds(5).toString();
        String jobId = given().auth().oauth2(apiKey).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body("""
                        {"type":"feedback","description":"soon due","files_needed":2,
                         "accepted_formats":["text/plain"],"price_per_file_cents":10,"deadline":"%s"}"""
                        .formatted(deadline))
                .when().post("/v1/jobs").then().statusCode(200).extract().path("id");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(apiKey)
                .when().get("/v1/jobs/" + jobId).then().body("status", equalTo("expired")));
        assertThat(jobId).startsWith("job_");
    }

    private static io.restassured.response.Response rate(String apiKey, String jobId, String body) {
        return given().auth().oauth2(apiKey).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body(body).when().post("/v1/jobs/" + jobId + "/rate");
    }

    private static void awaitStatus(String apiKey, String jobId, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(apiKey)
                .when().get("/v1/jobs/" + jobId).then().body("status", equalTo(status)));
    }

    private static String postJob(String apiKey) {
        return given().auth().oauth2(apiKey).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body(Accounts.jobBody("lifecycle")).when().post("/v1/jobs")
                .then().statusCode(200).extract().path("id");
    }

    private static EventEnvelope capacity(String jobId, long sequence, int approved, int pending, int held,
            int rejected) {
        int remaining = Math.max(0, 3 - approved - pending - held);
        JobCapacityChanged payload = new JobCapacityChanged(jobId, "org_x", sequence, approved, pending, held,
                rejected, remaining, approved > 0 ? 4.0 : null, Instant.now());
        return new EventEnvelope(Ids.next(Ids.EVENT), Topics.JOB_CAPACITY_CHANGED, 1, Instant.now(), "org_x", "job",
                jobId, EventJson.toTree(payload));
    }
}
