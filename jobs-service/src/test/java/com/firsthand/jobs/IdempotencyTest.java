package com.firsthand.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyTest {

    @Test
    void fiftyConcurrentIdenticalRequestsCreateOneJobAndAllGetTheSameBody() throws Exception {
        String apiKey = Accounts.newOrganizationKey();
        String key = UUID.randomUUID().toString();
        String body = Accounts.jobBody("Concurrent mailboxes");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(() -> given().auth().oauth2(apiKey).header("Idempotency-Key", key)
                        .contentType("application/json").body(body).when().post("/v1/jobs"));
            }
            List<String> bodies = new ArrayList<>();
            for (Future<Response> response : pool.invokeAll(calls)) {
                assertThat(response.get().statusCode()).isEqualTo(200);
                bodies.add(response.get().asString());
            }
            assertThat(bodies).containsOnly(bodies.get(0));
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(apiKey).when().get("/v1/jobs").then().statusCode(200)
                .body("data.size()", equalTo(1));
    }

    @Test
    void aRetryReplaysTheOriginalResponseAndADifferentBodyIsRejected() {
        String apiKey = Accounts.newOrganizationKey();
        String key = UUID.randomUUID().toString();
        Response first = given().auth().oauth2(apiKey).header("Idempotency-Key", key).contentType("application/json")
                .body(Accounts.jobBody("First")).when().post("/v1/jobs");
        Response retry = given().auth().oauth2(apiKey).header("Idempotency-Key", key).contentType("application/json")
                .body(Accounts.jobBody("First")).when().post("/v1/jobs");

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");

        given().auth().oauth2(apiKey).header("Idempotency-Key", key).contentType("application/json")
                .body(Accounts.jobBody("Something else")).when().post("/v1/jobs")
                .then().statusCode(422).body("error.type", equalTo("idempotency_error"))
                .body("error.code", equalTo("idempotency_key_reused"));
    }

    @Test
    void keysAreScopedPerOrganisation() {
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(Accounts.newOrganizationKey()).header("Idempotency-Key", key)
                .contentType("application/json").body(Accounts.jobBody("Same key")).when().post("/v1/jobs")
                .then().statusCode(200).extract().path("id");
        String second = given().auth().oauth2(Accounts.newOrganizationKey()).header("Idempotency-Key", key)
                .contentType("application/json").body(Accounts.jobBody("Same key")).when().post("/v1/jobs")
                .then().statusCode(200).extract().path("id");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void everyPostNeedsAKey() {
        given().auth().oauth2(Accounts.newOrganizationKey()).contentType("application/json")
                .body(Accounts.jobBody("No key")).when().post("/v1/jobs")
                .then().statusCode(400).body("error.code", equalTo("idempotency_key_missing"))
                .body("error.param", equalTo("Idempotency-Key"));
    }
}
