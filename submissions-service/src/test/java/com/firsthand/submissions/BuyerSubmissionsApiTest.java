package com.firsthand.submissions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.firsthand.common.ids.Ids;
import com.firsthand.common.testing.KafkaEvents;
import com.firsthand.common.testing.PublishedCredentials;
import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import com.firsthand.events.SubmissionScored;
import com.firsthand.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BuyerSubmissionsApiTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void theBuyerSeesItsSubmissionsFilesAndSummaryAndDownloadsTheFile() throws Exception {
        WorkerFixtures fixtures = new WorkerFixtures(kafka);
        String orgId = Ids.next(Ids.ORGANIZATION);
        String buyer = PublishedCredentials.buyerKey(kafka, orgId).secret();
        String stranger = PublishedCredentials.buyerKey(kafka).secret();
        String good = fixtures.worker();
        String poor = fixtures.worker();
        fixtures.awaitAuthenticated(good);
        fixtures.awaitAuthenticated(poor);
        String jobId = fixtures.job(orgId, 3, null, null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> WorkerFixtures.accept(good, jobId).then()
                .statusCode(200));
        WorkerFixtures.accept(poor, jobId).then().statusCode(200);
        byte[] photo = UploadTest.jpeg(400, 300);
        String approved = UploadTest.upload(good, jobId, "a.jpg", "image/jpeg", photo).then().statusCode(200)
                .extract().path("id");
        String rejected = UploadTest.upload(poor, jobId, "b.jpg", "image/jpeg", UploadTest.jpeg(50, 50)).then()
                .statusCode(200).extract().path("id");
        KafkaEvents.send(kafka, scored(orgId, jobId, approved, 4));
        KafkaEvents.send(kafka, scored(orgId, jobId, rejected, 2));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(buyer)
                .when().get("/v1/jobs/" + jobId + "/files").then().statusCode(200).body("data.size()", equalTo(1)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(buyer)
                .when().get("/v1/submissions/" + rejected).then().statusCode(200).body("status", equalTo("rejected")));
        String url = given().auth().oauth2(buyer).when().get("/v1/jobs/" + jobId + "/files").then()
                .body("data[0].object", equalTo("file")).body("data[0].id", startsWith("file_"))
                .body("data[0].ai_star_rating", equalTo(4)).extract().path("data[0].url");
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(photo);
        String tampered = url.replaceFirst("X-Amz-Signature=.", "X-Amz-Signature=" + (url.contains("Signature=0") ? "1" : "0"));
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(tampered)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);

        given().auth().oauth2(buyer).when().get("/v1/submissions").then().statusCode(200)
                .body("data.size()", equalTo(2));
        given().auth().oauth2(buyer).when().get("/v1/submissions?status=approved&min_score=3").then()
                .body("data.id", equalTo(List.of(approved)));
        given().auth().oauth2(buyer).when().get("/v1/jobs/" + jobId + "/submissions?status=rejected").then()
                .body("data[0].id", equalTo(rejected)).body("data[0].ai_reasoning", equalTo("test: 2 stars"));
        given().auth().oauth2(buyer).when().get("/v1/submissions/" + approved).then().statusCode(200)
                .body("status", equalTo("approved")).body("file_url", startsWith("http"));
        given().auth().oauth2(buyer).when().get("/v1/submissions/summary?job_id=" + jobId).then().statusCode(200)
                .body("object", equalTo("submission_summary")).body("total_submissions", equalTo(2))
                .body("approved", equalTo(1)).body("rejected", equalTo(1)).body("approval_rate", equalTo(0.5f))
                .body("avg_ai_star_rating", equalTo(3.0f)).body("by_type[0].type", equalTo("data_collection"));

        given().auth().oauth2(stranger).when().get("/v1/submissions/" + approved).then().statusCode(404);
        given().auth().oauth2(stranger).when().get("/v1/jobs/" + jobId + "/files").then().statusCode(404);
        given().auth().oauth2(stranger).when().get("/v1/submissions").then().body("data.size()", equalTo(0));
        given().auth().oauth2(buyer).when().get("/v1/submissions?status=lost").then().statusCode(400)
                .body("error.param", equalTo("status"));
        given().auth().oauth2(buyer).when().get("/v1/submissions?min_score=9").then().statusCode(400);

        given().auth().oauth2(good).when().get("/v1/worker/submissions").then().statusCode(200)
                .body("data.id", equalTo(List.of(approved))).body("data[0].ai_star_rating", equalTo(4));
        given().auth().oauth2(good).when().get("/v1/worker/earnings").then().statusCode(200)
                .body("total_cents", equalTo(50)).body("by_job[0].job_id", equalTo(jobId));
        given().auth().oauth2(poor).when().get("/v1/worker/submissions/" + rejected).then().statusCode(200)
                .body("ai_reasoning", equalTo("test: 2 stars"));
        given().auth().oauth2(poor).when().get("/v1/worker/submissions/" + approved).then().statusCode(404);
    }

    private static EventEnvelope scored(String orgId, String jobId, String submissionId, int stars) {
        SubmissionScored payload = new SubmissionScored(submissionId, jobId, orgId, "wkr_x", stars,
                "test: " + stars + " stars", false, 1, List.of(), "test", Instant.now());
        return new EventEnvelope(Ids.next(Ids.EVENT), Topics.SUBMISSION_SCORED, 1, Instant.now(), orgId,
                "submission", submissionId, EventJson.toTree(payload));
    }
}
