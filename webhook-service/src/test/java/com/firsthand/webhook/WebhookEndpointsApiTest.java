package com.firsthand.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookEndpointsApiTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;
    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void createsReadsChangesRotatesAndDeletesAnEndpoint() {
        Fixtures buyer = Fixtures.newBuyer(kafka);
        Response created = buyer.createEndpoint("http://127.0.0.1:9/hooks", "submission.scored", "job.completed");
        String id = created.path("id");
        String secret = created.path("secret");
        assertThat(id).startsWith("we_");
        assertThat(secret).startsWith("whsec_");
        created.then().body("object", equalTo("webhook_endpoint")).body("status", equalTo("enabled"))
                .body("enabled_events", equalTo(java.util.List.of("submission.scored", "job.completed")));

        buyer.api().get("/v1/webhook_endpoints/" + id).then().statusCode(200).body("id", equalTo(id))
                .body("secret", nullValue());
        buyer.api().get("/v1/webhook_endpoints").then().statusCode(200).body("data.size()", equalTo(1))
                .body("data[0].secret", nullValue());

        buyer.api().contentType("application/json").body("{\"description\":\"CI\",\"disabled\":true}")
                .patch("/v1/webhook_endpoints/" + id).then().statusCode(200).body("description", equalTo("CI"))
                .body("status", equalTo("disabled"));
        buyer.api().contentType("application/json").body("{\"disabled\":false,\"enabled_events\":[\"*\"]}")
                .patch("/v1/webhook_endpoints/" + id).then().statusCode(200).body("status", equalTo("enabled"))
                .body("enabled_events[0]", equalTo("*"));

        String rotated = buyer.post().post("/v1/webhook_endpoints/" + id + "/rotate_secret").then().statusCode(200)
                .body("secret", startsWith("whsec_")).extract().path("secret");
        assertThat(rotated).isNotEqualTo(secret);

        buyer.api().delete("/v1/webhook_endpoints/" + id).then().statusCode(200).body("deleted", equalTo(true));
        buyer.api().get("/v1/webhook_endpoints/" + id).then().statusCode(404);
    }

    @Test
    void anotherOrganisationsEndpointsAndEventsAreNotFound() {
        Fixtures owner = Fixtures.newBuyer(kafka);
        Fixtures other = Fixtures.newBuyer(kafka);
        String id = owner.createEndpoint("http://127.0.0.1:9/hooks").path("id");
        other.api().get("/v1/webhook_endpoints/" + id).then().statusCode(404)
                .body("error.code", equalTo("resource_missing"));
        other.api().contentType("application/json").body("{}").patch("/v1/webhook_endpoints/" + id).then()
                .statusCode(404);
        other.api().delete("/v1/webhook_endpoints/" + id).then().statusCode(404);
        other.post().post("/v1/webhook_endpoints/" + id + "/rotate_secret").then().statusCode(404);
        other.api().get("/v1/webhook_endpoints/" + id + "/deliveries").then().statusCode(404);
        other.post().body("{\"since\":\"2026-11-01T00:00:00Z\"}").post("/v1/webhook_endpoints/" + id + "/recover")
                .then().statusCode(404);
        other.api().get("/v1/webhook_endpoints/we_nonsense").then().statusCode(404);
        other.api().get("/v1/events/evt_01JQ0000000000000000000000").then().statusCode(404);
        other.api().get("/v1/webhook_endpoints").then().statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void badInputIsA400NamingTheParameter() {
        Fixtures buyer = Fixtures.newBuyer(kafka);
        expect400(buyer, "{\"enabled_events\":[\"*\"]}", "url");
        expect400(buyer, "{\"url\":\"ftp://example.com/\",\"enabled_events\":[\"*\"]}", "url");
        expect400(buyer, "{\"url\":\"http://127.0.0.1:9/\"}", "enabled_events");
        expect400(buyer, "{\"url\":\"http://127.0.0.1:9/\",\"enabled_events\":[]}", "enabled_events");
        expect400(buyer, "{\"url\":\"http://127.0.0.1:9/\",\"enabled_events\":[\"submission.exploded\"]}",
                "enabled_events");
        expect400(buyer, "{\"url\":\"http://127.0.0.1:9/\",\"enabled_events\":[\"*\",\"job.completed\"]}",
                "enabled_events");
        buyer.api().contentType("application/json").body("{\"url\":\"x\",\"enabled_events\":[\"*\"]}")
                .post("/v1/webhook_endpoints").then().statusCode(400)
                .body("error.param", equalTo("Idempotency-Key"));
        buyer.api().get("/v1/events?limit=0").then().statusCode(400).body("error.param", equalTo("limit"));
        buyer.api().get("/v1/events?type=nope").then().statusCode(400).body("error.param", equalTo("type"));
        buyer.api().get("/v1/events?start_date=yesterday").then().statusCode(400)
                .body("error.param", equalTo("start_date"));
        buyer.api().get("/v1/events?cursor=forged").then().statusCode(400).body("error.param", equalTo("cursor"));
        String id = buyer.createEndpoint("http://127.0.0.1:9/hooks").path("id");
        buyer.post().body("{}").post("/v1/webhook_endpoints/" + id + "/recover").then().statusCode(400)
                .body("error.param", equalTo("since"));
        buyer.post().body("{\"since\":\"2020-01-01T00:00:00Z\"}").post("/v1/webhook_endpoints/" + id + "/recover")
                .then().statusCode(400).body("error.param", equalTo("since"));
    }

    private static void expect400(Fixtures buyer, String body, String param) {
        buyer.post().body(body).post("/v1/webhook_endpoints").then().statusCode(400)
                .body("error.param", equalTo(param));
    }

    @Test
    void aReplayedCreateOrRotationShowsTheSigningSecretNoMore() throws Exception {
        Fixtures buyer = Fixtures.newBuyer(kafka);
        String key = java.util.UUID.randomUUID().toString();
        String body = "{\"url\":\"http://127.0.0.1:9/hooks\",\"enabled_events\":[\"*\"]}";
        Response first = buyer.api().header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/v1/webhook_endpoints");
        String secret = first.path("secret");
        assertThat(secret).startsWith("whsec_");
        Response replay = buyer.api().header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/v1/webhook_endpoints");
        replay.then().statusCode(200).header("Idempotent-Secret-Redacted", "true").body("secret", nullValue())
                .body("secret_redacted", equalTo(true)).body("id", equalTo(first.path("id")));

        String rotationKey = java.util.UUID.randomUUID().toString();
        String rotated = buyer.api().header("Idempotency-Key", rotationKey)
                .post("/v1/webhook_endpoints/" + first.path("id") + "/rotate_secret").path("secret");
        buyer.api().header("Idempotency-Key", rotationKey)
                .post("/v1/webhook_endpoints/" + first.path("id") + "/rotate_secret")
                .then().statusCode(200).body("secret", nullValue()).body("secret_redacted", equalTo(true));
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement s = c.prepareStatement("SELECT count(*) FROM idempotency_key"
                        + " WHERE response_body LIKE '%' || ? || '%' OR response_body LIKE '%' || ? || '%'")) {
            s.setString(1, secret);
            s.setString(2, rotated);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }
}
