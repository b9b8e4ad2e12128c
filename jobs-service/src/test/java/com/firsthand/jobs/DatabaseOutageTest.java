package com.firsthand.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.firsthand.infra.SharedTestInfrastructure;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** While PostgreSQL is down the API answers 503 in the error format; once it is back, a retry goes through once. */
@QuarkusTest
class DatabaseOutageTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anOutageIsA503WithRetryAfterAndTheRetryCreatesTheJobOnce() {
        String apiKey = Accounts.newOrganizationKey();
        String key = UUID.randomUUID().toString();
        String body = Accounts.jobBody("Created after the outage");
        given().auth().oauth2(apiKey).when().get("/v1/jobs").then().statusCode(200);
        SharedTestInfrastructure.stopPostgres();
        try {
            Response during = given().auth().oauth2(apiKey).header("Idempotency-Key", key)
                    .contentType("application/json").body(body).when().post("/v1/jobs");
            assertThat(during.statusCode()).as(during.asString()).isEqualTo(503);
            assertThat(during.header("Retry-After")).isEqualTo("1");
            assertThat(during.jsonPath().getString("error.type")).isEqualTo("api_error");
            assertThat(during.jsonPath().getString("error.code")).isEqualTo("service_unavailable");
            given().auth().oauth2(apiKey).when().get("/v1/jobs").then().statusCode(503)
                    .body("error.code", equalTo("service_unavailable"));
        } finally {
            SharedTestInfrastructure.startPostgres();
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().auth().oauth2(apiKey).when().get("/v1/jobs").statusCode() == 200);
        // A client retries a 503 with the same key, as the error asks; then once more, which is replayed.
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(apiKey).header("Idempotency-Key", key)
                .contentType("application/json").body(body).when().post("/v1/jobs").statusCode() != 503);
        given().auth().oauth2(apiKey).header("Idempotency-Key", key).contentType("application/json").body(body)
                .when().post("/v1/jobs").then().statusCode(200).header("Idempotent-Replayed", "true");
        given().auth().oauth2(apiKey).when().get("/v1/jobs").then().statusCode(200).body("data.size()", equalTo(1));
        // Connections that sat idle through the restart are dead; later test classes should not meet them.
        dataSource.flush(AgroalDataSource.FlushMode.ALL);
    }
}
