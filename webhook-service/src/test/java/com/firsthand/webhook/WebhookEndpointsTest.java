package com.firsthand.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.firsthand.common.testing.PublishedCredentials;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookEndpointsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void listsTheOrganisationsEndpointsBehindItsApiKey() {
        PublishedCredentials.Issued buyer = PublishedCredentials.buyerKey(kafka);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(buyer.secret())
                .when().get("/v1/webhook_endpoints").then().statusCode(200).body("object", equalTo("list"))
                .body("data.size()", equalTo(0)).body("has_more", equalTo(false)));
        given().when().get("/v1/webhook_endpoints").then().statusCode(401)
                .body("error.type", equalTo("authentication_error"));
        given().auth().oauth2(buyer.secret()).when().get("/v1/webhook_endpoints?limit=500").then().statusCode(400)
                .body("error.param", equalTo("limit"));
    }

    @Test
    void becomesReadyWithDatabaseAndKafka() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/ready").then().log().ifValidationFails()
                .statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP")));
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
