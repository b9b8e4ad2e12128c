package com.firsthand.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.firsthand.common.testing.KafkaEvents;
import com.firsthand.events.JobCreated;
import com.firsthand.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** location.required: photos without a GPS position are rejected (true) or labelled unverified (false, default). */
@QuarkusTest
class JobLocationTest {

    static final String BODY = "{\"type\":\"data_collection\",\"description\":\"Mailboxes\",\"files_needed\":2,"
            + "\"accepted_formats\":[\"image/jpeg\"],\"price_per_file_cents\":50,\"location\":%s}";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aJobCanRequireGpsAndTheOptionTravelsWithJobCreated() {
        String apiKey = Accounts.newOrganizationKey();
        String jobId = post(apiKey, "{\"lat\":30.2672,\"lng\":-97.7431,\"radius_km\":15,\"required\":true}")
                .then().statusCode(200).body("location.required", equalTo(true))
                .body("location.radius_km", equalTo(15.0f)).extract().path("id");

        given().auth().oauth2(apiKey).when().get("/v1/jobs/" + jobId).then().statusCode(200)
                .body("location.required", equalTo(true));
        JobCreated created = KafkaEvents.awaitPayloads(kafka, Topics.JOB_CREATED, jobId, JobCreated.class,
                seen -> !seen.isEmpty()).get(0);
        assertThat(created.locationRequired()).isTrue();
    }

    @Test
    void withoutTheOptionGpsIsNotRequired() {
        String apiKey = Accounts.newOrganizationKey();
        String jobId = post(apiKey, "{\"lat\":30.2672,\"lng\":-97.7431,\"radius_km\":15}").then().statusCode(200)
                .body("location.required", equalTo(false)).extract().path("id");

        JobCreated created = KafkaEvents.awaitPayloads(kafka, Topics.JOB_CREATED, jobId, JobCreated.class,
                seen -> !seen.isEmpty()).get(0);
        assertThat(created.locationRequired()).isFalse();
    }

    @Test
    void aRequiredThatIsNotABooleanIsA400() {
        post(Accounts.newOrganizationKey(), "{\"lat\":1,\"lng\":2,\"radius_km\":3,\"required\":\"yes\"}").then()
                .statusCode(400).body("error.type", equalTo("invalid_request_error"))
                .body("error.param", equalTo("location.required"));
    }

    private static Response post(String apiKey, String location) {
        return given().auth().oauth2(apiKey).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body(BODY.formatted(location)).when().post("/v1/jobs");
    }
}
