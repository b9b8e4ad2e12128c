package com.firsthand.jobs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ErrorFormatTest {

    private static final String VALID = Accounts.jobBody("valid");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed json|{\"type\": |",
        "trailing garbage|{\"type\": \"feedback\"} x|",
        "wrong type|{\"type\":\"data_collection\",\"description\":\"d\",\"files_needed\":\"three\",\"accepted_formats\":[\"image/jpeg\"],\"price_per_file_cents\":50}|files_needed",
        "float for integer|{\"type\":\"data_collection\",\"description\":\"d\",\"files_needed\":1.5,\"accepted_formats\":[\"image/jpeg\"],\"price_per_file_cents\":50}|files_needed",
        "huge number|{\"type\":\"data_collection\",\"description\":\"d\",\"files_needed\":99999999999999999999,\"accepted_formats\":[\"image/jpeg\"],\"price_per_file_cents\":50}|files_needed",
        "unknown field|{\"type\":\"data_collection\",\"description\":\"d\",\"files_needed\":1,\"accepted_formats\":[\"image/jpeg\"],\"price_per_file_cents\":50,\"colour\":\"red\"}|colour",
        "unknown enum|{\"type\":\"art\",\"description\":\"d\",\"files_needed\":1,\"accepted_formats\":[\"image/jpeg\"],\"price_per_file_cents\":50}|type",
        "missing field|{\"type\":\"feedback\",\"files_needed\":1,\"accepted_formats\":[\"image/jpeg\"],\"price_per_file_cents\":50}|description",
        "zero files|{\"type\":\"feedback\",\"description\":\"d\",\"files_needed\":0,\"accepted_formats\":[\"image/jpeg\"],\"price_per_file_cents\":50}|files_needed",
        "unsupported format|{\"type\":\"feedback\",\"description\":\"d\",\"files_needed\":1,\"accepted_formats\":[\"image/tiff\"],\"price_per_file_cents\":50}|accepted_formats[0]",
        "latitude out of range|{\"type\":\"feedback\",\"description\":\"d\",\"files_needed\":1,\"accepted_formats\":[\"image/jpeg\"],\"price_per_file_cents\":50,\"location\":{\"lat\":91,\"lng\":0,\"radius_km\":1}}|location.lat",
        "past deadline|{\"type\":\"feedback\",\"description\":\"d\",\"files_needed\":1,\"accepted_formats\":[\"image/jpeg\"],\"price_per_file_cents\":50,\"deadline\":\"2001-01-01T00:00:00Z\"}|deadline",
        "array body|[1,2]|",
    })
    void badBodiesAre400InTheErrorFormat(String name, String body, String param) {
        given().auth().oauth2(Accounts.newOrganizationKey()).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body(body).when().post("/v1/jobs")
                .then().log().ifValidationFails().statusCode(400).body("error.type", equalTo("invalid_request_error"))
                .body("error.message", notNullValue()).body("error.param", equalTo(param));
    }

    @Test
    void unknownRoutesAndMethodsUseTheErrorFormat() {
        String apiKey = Accounts.newOrganizationKey();
        given().auth().oauth2(apiKey).when().get("/v1/nothing-here").then().statusCode(404)
                .body("error.code", equalTo("resource_missing"));
        given().auth().oauth2(apiKey).when().delete("/v1/jobs").then().statusCode(405)
                .body("error.code", equalTo("method_not_allowed"));
        given().auth().oauth2(apiKey).header("Idempotency-Key", "x").contentType("text/plain").body(VALID)
                .when().post("/v1/jobs").then().statusCode(415).body("error.code", equalTo("unsupported_media_type"));
    }

    @Test
    void anotherOrganisationsJobDoesNotExist() {
        String jobId = given().auth().oauth2(Accounts.newOrganizationKey())
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json").body(VALID)
                .when().post("/v1/jobs").then().statusCode(200).extract().path("id");
        String otherKey = Accounts.newOrganizationKey();
        given().auth().oauth2(otherKey).when().get("/v1/jobs/" + jobId).then().statusCode(404)
                .body("error.code", equalTo("resource_missing"));
        given().auth().oauth2(otherKey).when().get("/v1/jobs/not-an-id").then().statusCode(404);
        given().auth().oauth2(otherKey).when().get("/v1/jobs").then().statusCode(200)
                .body("data.size()", equalTo(0));
    }
}
