package com.firsthand.scoring;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.firsthand.common.testing.PublishedCredentials;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UsageTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aNewOrganisationHasUsedNoCredits() {
        PublishedCredentials.Issued buyer = PublishedCredentials.buyerKey(kafka);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(buyer.secret())
                .when().get("/v1/usage").then().statusCode(200).body("object", equalTo("usage"))
                .body("credits_used", equalTo(0)).body("submissions_scored", equalTo(0)));
    }

    @Test
    void workersAndBadDatesAreRefused() {
        PublishedCredentials.Issued worker = PublishedCredentials.workerToken(kafka);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(worker.secret())
                .when().get("/v1/usage").then().statusCode(403));
        PublishedCredentials.Issued buyer = PublishedCredentials.buyerKey(kafka);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(buyer.secret())
                .when().get("/v1/usage?start_date=yesterday").then().statusCode(400)
                .body("error.param", equalTo("start_date")));
        given().auth().oauth2(buyer.secret()).when()
                .get("/v1/usage?start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z")
                .then().statusCode(400);
        given().when().get("/v1/usage").then().statusCode(401);
    }
}
