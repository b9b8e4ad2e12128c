package com.firsthand.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LongPollTest {

    @Test
    void answersAsSoonAsTheStatusChanges() throws Exception {
        String apiKey = Accounts.newOrganizationKey();
        String jobId = postJob(apiKey);

        long start = System.nanoTime();
        CompletableFuture<Response> poll = CompletableFuture.supplyAsync(() -> given().auth().oauth2(apiKey)
                .header("Prefer", "wait=100").when().get("/v1/jobs/" + jobId));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> waiting() > 0);
        given().auth().oauth2(apiKey).header("Idempotency-Key", UUID.randomUUID().toString())
                .when().post("/v1/jobs/" + jobId + "/cancel").then().statusCode(200);

        Response response = poll.get();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("status")).isEqualTo("cancelled");
        assertThat(response.header("Preference-Applied")).as("clamped to 30").isEqualTo("wait=30");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void answersWithTheCurrentJobWhenTheWaitEnds() {
        String apiKey = Accounts.newOrganizationKey();
        String jobId = postJob(apiKey);

        given().auth().oauth2(apiKey).header("Prefer", "wait=1").when().get("/v1/jobs/" + jobId).then()
                .statusCode(200).body("status", equalTo("open")).header("Preference-Applied", "wait=1");
        given().auth().oauth2(apiKey).when().get("/v1/jobs/" + jobId).then().statusCode(200)
                .header("Preference-Applied", (String) null);
    }

    @Test
    void waitingOnAnotherOrganisationsJobIs404AtOnce() {
        String jobId = postJob(Accounts.newOrganizationKey());
        given().auth().oauth2(Accounts.newOrganizationKey()).header("Prefer", "wait=30").when()
                .get("/v1/jobs/" + jobId).then().statusCode(404);
    }

    private static int waiting() {
        return io.quarkus.arc.Arc.container().instance(com.firsthand.jobs.repository.JobStatusSignals.class).get()
                .waiting();
    }

    private static String postJob(String apiKey) {
        return given().auth().oauth2(apiKey).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body(Accounts.jobBody("long poll")).when().post("/v1/jobs")
                .then().statusCode(200).extract().path("id");
    }
}
