package com.firsthand.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.firsthand.common.ids.Ids;
import com.firsthand.common.testing.KafkaEvents;
import com.firsthand.common.testing.PublishedCredentials;
import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import com.firsthand.events.JobCreated;
import com.firsthand.events.JobStatusChanged;
import com.firsthand.events.SubmissionStatusChanged;
import com.firsthand.events.Topics;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A buyer organisation with its API key, and the platform events that concern it. */
public final class Fixtures {

    public final String kafka;
    public final PublishedCredentials.Issued buyer;

    private Fixtures(String kafka, PublishedCredentials.Issued buyer) {
        this.kafka = kafka;
        this.buyer = buyer;
    }

    public static Fixtures newBuyer(String kafka) {
        Fixtures fixtures = new Fixtures(kafka, PublishedCredentials.buyerKey(kafka));
        await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.api().get("/v1/webhook_endpoints")
                .statusCode() == 200);
        return fixtures;
    }

    public String orgId() {
        return buyer.orgId();
    }

    public RequestSpecification api() {
        return given().auth().oauth2(buyer.secret());
    }

    public RequestSpecification post() {
        return api().header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json");
    }

    /** Creates an endpoint; returns the whole response (with the secret). */
    public Response createEndpoint(String url, String... events) {
        StringBuilder list = new StringBuilder();
        for (String event : events.length == 0 ? new String[] {"*"} : events) {
            list.append(list.length() == 0 ? "" : ",").append('"').append(event).append('"');
        }
        Response response = post().body("{\"url\":\"" + url + "\",\"enabled_events\":[" + list + "]}")
                .post("/v1/webhook_endpoints");
        response.then().statusCode(200);
        return response;
    }

    /** Publishes a scoring outcome (pending_score to approved or rejected) as submissions-service does. */
    public EventEnvelope scored(String submissionId, String to, int stars) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SubmissionStatusChanged change = new SubmissionStatusChanged(submissionId, "job_" + submissionId.substring(4),
                orgId(), "wkr_01JQWORKER", "pending_score", to, stars, "Clear and well lit.", "file_1", now,
                "image/jpeg", 2450000L, now.minusSeconds(5), now, "https://files.example/" + submissionId,
                now.plusSeconds(3600), "/v1/submissions/" + submissionId + "/preview");
        EventEnvelope envelope = new EventEnvelope(Ids.next(Ids.EVENT), Topics.SUBMISSION_STATUS_CHANGED, 1, now,
                orgId(), "submission", submissionId, EventJson.toTree(change));
        KafkaEvents.send(kafka, envelope);
        return envelope;
    }

    public void jobCreated(String jobId, String description) {
        Instant now = Instant.now();
        JobCreated job = new JobCreated(jobId, orgId(), "open", "data_collection", description, 3,
                java.util.List.of("image/jpeg"), 50, null, null, null, null, null, java.util.Map.of("batch", "7"),
                null, null, now);
        KafkaEvents.send(kafka, new EventEnvelope(Ids.next(Ids.EVENT), Topics.JOB_CREATED, 1, now, orgId(), "job",
                jobId, EventJson.toTree(job)));
    }

    /** A status change as jobs-service published it before events carried the job object. */
    public EventEnvelope jobStatus(String jobId, String from, String to) {
        return jobStatus(jobId, from, to, null);
    }

    public EventEnvelope jobStatus(String jobId, String from, String to, Map<String, Object> job) {
        Instant now = Instant.now();
        JobStatusChanged change = new JobStatusChanged(jobId, orgId(), from, to, now, 3, 3, job);
        EventEnvelope envelope = new EventEnvelope(Ids.next(Ids.EVENT), Topics.JOB_STATUS_CHANGED, 1, now, orgId(),
                "job", jobId, EventJson.toTree(change));
        KafkaEvents.send(kafka, envelope);
        return envelope;
    }

    public static String submissionId() {
        return Ids.next(Ids.SUBMISSION);
    }
}
