package com.firsthand.submissions;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.firsthand.common.auth.SecretHasher;
import com.firsthand.common.ids.Ids;
import com.firsthand.common.testing.KafkaEvents;
import com.firsthand.events.EventEnvelope;
import com.firsthand.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Anything that can write to the credential topic is not trusted: a buyer key without an organisation (which the
 * tenant filter would skip, showing every organisation's submissions) is refused, and does not hold up the real
 * records behind it in its partition.
 */
@QuarkusTest
class ForgedCredentialTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aForgedKeyIsRefusedAndTheOwnersLaterRecordsStillApply() throws Exception {
        WorkerFixtures.Holder someoneElses = new WorkerFixtures(kafka).workerHoldingASlot(3);
        UploadTest.upload(someoneElses.worker(), someoneElses.jobId(), "photo.jpg", "image/jpeg",
                UploadTest.jpeg(64, 48)).then().statusCode(200);
        String secret = SecretHasher.newSecret("fh_live_");
        String keyId = Ids.next(Ids.API_KEY);
        String orgId = Ids.next(Ids.ORGANIZATION);
        Instant forgedAt = Instant.now();

        publish(keyId, record(keyId, null, secret, "active", forgedAt));
        publish(keyId, record(keyId, orgId, secret, "active", forgedAt.plusMillis(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(secret)
                .get("/v1/submissions").statusCode() == 200);
        given().auth().oauth2(secret).get("/v1/submissions").then().statusCode(200).body("data.size()", equalTo(0));

        publish(keyId, record(keyId, orgId, secret, "revoked", forgedAt.plusMillis(2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(secret)
                .get("/v1/submissions").statusCode() == 401);
    }

    private static ObjectNode record(String keyId, String orgId, String secret, String status, Instant at) {
        return JsonNodeFactory.instance.objectNode().put("credential_id", keyId).put("kind", "buyer_api_key")
                .put("org_id", orgId).putNull("worker_id").put("secret_hash", SecretHasher.sha256(secret))
                .put("status", status).put("changed_at", at.toString());
    }

    private void publish(String keyId, ObjectNode payload) {
        KafkaEvents.send(kafka, new EventEnvelope(Ids.next(Ids.EVENT), Topics.CREDENTIAL_CHANGED, 1, Instant.now(),
                payload.path("org_id").isNull() ? null : payload.path("org_id").asText(), "credential", keyId,
                payload));
    }
}
