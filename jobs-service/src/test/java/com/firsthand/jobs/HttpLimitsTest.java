package com.firsthand.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Limits of the HTTP layer, answered by the service itself in the error format (not an empty codec reply). */
@QuarkusTest
class HttpLimitsTest {

    @ParameterizedTest(name = "Idempotency-Key of {0} characters")
    @ValueSource(ints = {256, 1_000, 10_000, 16_000})
    void aLongIdempotencyKeyIsRefusedByItsDocumentedLimit(int length) {
        given().auth().oauth2(Accounts.newOrganizationKey()).header("Idempotency-Key", "k".repeat(length))
                .contentType("application/json").body(Accounts.jobBody("long key")).when().post("/v1/jobs")
                .then().statusCode(400).body("error.code", equalTo("idempotency_key_invalid"))
                .body("error.param", equalTo("Idempotency-Key"));
    }

    @ParameterizedTest(name = "{0} bytes of headers")
    @ValueSource(ints = {17_000, 40_000})
    void headersOverTheLimitAre431InTheErrorFormat(int bytes) {
        given().auth().oauth2(Accounts.newOrganizationKey()).header("X-Padding", "p".repeat(bytes))
                .when().get("/v1/jobs")
                .then().statusCode(431).body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("request_headers_too_large"));
    }

    @ParameterizedTest(name = "URL of {0} characters")
    @ValueSource(ints = {9_000, 30_000})
    void aUrlOverTheLimitIs414InTheErrorFormat(int length) {
        given().auth().oauth2(Accounts.newOrganizationKey()).when().get("/v1/jobs?cursor=" + "c".repeat(length))
                .then().statusCode(414).body("error.code", equalTo("request_line_too_long"));
    }

    @Test
    void aBodyOverTheLimitIs413InTheErrorFormatAlsoWhenItIsChunked() throws Exception {
        byte[] body = ("{\"description\":\"" + "x".repeat(1_100_000) + "\"}").getBytes();
        given().auth().oauth2(Accounts.newOrganizationKey()).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body(body).when().post("/v1/jobs")
                .then().statusCode(413).body("error.code", equalTo("request_too_large"));
        // No declared length: the body streams in chunks and only its reading finds it too large.
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/v1/jobs"))
                .header("Authorization", "Bearer " + Accounts.newOrganizationKey())
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.body()).contains("\"code\":\"request_too_large\"");
    }

    @Test
    void aDuplicatedKeyIsA400NamingTheField() {
        String body = Accounts.jobBody("duplicated").replaceFirst("\\{", "{\"type\":\"feedback\",");
        given().auth().oauth2(Accounts.newOrganizationKey()).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body(body).when().post("/v1/jobs")
                .then().statusCode(400).body("error.code", equalTo("parameter_duplicated"))
                .body("error.param", equalTo("type"));
    }
}
