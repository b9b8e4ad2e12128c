package com.firsthand.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthenticationTest {

    @Test
    void provisionedKeyListsJobsAndNoKeyIs401() {
        JsonPath org = Accounts.newOrganization();
        assertThat(org.getString("id")).startsWith("org_");
        assertThat(org.getString("api_key.id")).startsWith("key_");
        String key = org.getString("api_key.secret");
        assertThat(key).startsWith("fh_live_");

        given().auth().oauth2(key).when().get("/v1/jobs").then().statusCode(200)
                .body("object", equalTo("list")).body("has_more", equalTo(false));
        given().when().get("/v1/jobs").then().statusCode(401)
                .body("error.type", equalTo("authentication_error"));
        given().auth().oauth2("fh_live_notARealKey").when().get("/v1/jobs").then().statusCode(401)
                .body("error.code", equalTo("unauthenticated"));
        given().header("Authorization", "Basic abc").when().get("/v1/jobs").then().statusCode(401);
    }

    @Test
    void adminApiNeedsTheAdminToken() {
        given().header("Idempotency-Key", "k1").contentType("application/json").body("{\"name\":\"x\"}")
                .when().post("/admin/organizations").then().statusCode(401);
        given().auth().oauth2("wrong").header("Idempotency-Key", "k1").contentType("application/json")
                .body("{\"name\":\"x\"}").when().post("/admin/organizations").then().statusCode(401);
        String buyerKey = Accounts.newOrganizationKey();
        given().auth().oauth2(buyerKey).header("Idempotency-Key", "k2").contentType("application/json")
                .body("{\"name\":\"x\"}").when().post("/admin/organizations").then().statusCode(401);
    }

    @Test
    void workerTokenIsForbiddenOnBuyerEndpoints() {
        JsonPath worker = Accounts.newWorker();
        String token = worker.getString("token.secret");
        given().auth().oauth2(token).when().get("/v1/jobs").then().statusCode(403)
                .body("error.type", equalTo("permission_error"));
        given().auth().oauth2(token).when().get("/v1/jobs").then()
                .body("error.message", startsWith("This endpoint is for buyers"));
    }

    @Test
    void moreKeysCanBeIssuedAndARevokedKeyStopsWorkingWithinSeconds() {
        JsonPath org = Accounts.newOrganization();
        String second = given().auth().oauth2(Accounts.ADMIN_TOKEN).header("Idempotency-Key", UUID.randomUUID())
                .when().post("/admin/organizations/" + org.getString("id") + "/api_keys")
                .then().statusCode(200).body("object", equalTo("api_key")).body("secret", startsWith("fh_live_"))
                .extract().jsonPath().getString("secret");
        given().auth().oauth2(second).when().get("/v1/jobs").then().statusCode(200);
        String firstKeyId = org.getString("api_key.id");

        given().auth().oauth2(Accounts.ADMIN_TOKEN).header("Idempotency-Key", UUID.randomUUID())
                .when().post("/admin/credentials/" + firstKeyId + "/revoke")
                .then().statusCode(200).body("status", equalTo("revoked")).body("secret", equalTo(null));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().auth()
                .oauth2(org.getString("api_key.secret")).when().get("/v1/jobs").then().statusCode(401));
        given().auth().oauth2(second).when().get("/v1/jobs").then().statusCode(200);
        given().auth().oauth2(Accounts.ADMIN_TOKEN).header("Idempotency-Key", UUID.randomUUID())
                .when().post("/admin/credentials/key_01JQ00000000000000000000XX/revoke").then().statusCode(404)
                .body("error.code", equalTo("resource_missing"));
    }
}
