package com.firsthand.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.equalTo;

import com.firsthand.common.testing.KafkaEvents;
import com.firsthand.events.CredentialChanged;
import com.firsthand.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The owner numbers every state of a credential, reports whether a revocation took effect, and can publish every
 * credential again for replicas to converge.
 */
@QuarkusTest
class CredentialVersionsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aRevocationSaysWhetherItRevokedAndASecondOneChangesNothing() {
        JsonPath org = Accounts.newOrganization();
        assertThat(org.getLong("api_key.version")).isEqualTo(1);
        String keyId = org.getString("api_key.id");

        revoke(keyId).then().statusCode(200).body("status", equalTo("revoked")).body("version", equalTo(2))
                .body("revoked_now", equalTo(true));
        revoke(keyId).then().statusCode(200).body("status", equalTo("revoked")).body("version", equalTo(2))
                .body("revoked_now", equalTo(false));

        List<CredentialChanged> published = KafkaEvents.awaitPayloads(kafka, Topics.CREDENTIAL_CHANGED, keyId,
                CredentialChanged.class, seen -> seen.size() >= 2);
        assertThat(published).extracting(CredentialChanged::status, CredentialChanged::version)
                .containsExactly(tuple("active", 1L),
                        tuple("revoked", 2L));
    }

    @Test
    void reseedRepublishesEveryCredentialWithItsCurrentStateAndVersion() {
        JsonPath org = Accounts.newOrganization();
        String keyId = org.getString("api_key.id");
        revoke(keyId).then().statusCode(200);
        String workerTokenId = Accounts.newWorker().getString("token.id");

        JsonPath reseeded = given().auth().oauth2(Accounts.ADMIN_TOKEN)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .when().post("/admin/credentials/reseed").then().statusCode(200)
                .body("object", equalTo("credential_reseed")).extract().jsonPath();
        assertThat(reseeded.getInt("credentials")).isEqualTo(reseeded.getInt("active") + reseeded.getInt("revoked"));
        assertThat(reseeded.getInt("revoked")).isGreaterThanOrEqualTo(1);
        assertThat(reseeded.getInt("active")).isGreaterThanOrEqualTo(1);

        List<CredentialChanged> key = KafkaEvents.awaitPayloads(kafka, Topics.CREDENTIAL_CHANGED, keyId,
                CredentialChanged.class, seen -> seen.size() >= 3);
        assertThat(key.get(2).status()).isEqualTo("revoked");
        assertThat(key.get(2).version()).isEqualTo(2L);
        List<CredentialChanged> token = KafkaEvents.awaitPayloads(kafka, Topics.CREDENTIAL_CHANGED, workerTokenId,
                CredentialChanged.class, seen -> seen.size() >= 2);
        assertThat(token.get(1).status()).isEqualTo("active");
        assertThat(token.get(1).version()).isEqualTo(1L);
    }

    @Test
    void reseedNeedsAnIdempotencyKeyAndTheAdminToken() {
        given().auth().oauth2(Accounts.ADMIN_TOKEN).when().post("/admin/credentials/reseed").then().statusCode(400);
        given().header("Idempotency-Key", UUID.randomUUID().toString()).when().post("/admin/credentials/reseed")
                .then().statusCode(401);
    }

    private static Response revoke(String credentialId) {
        return given().auth().oauth2(Accounts.ADMIN_TOKEN).header("Idempotency-Key", UUID.randomUUID().toString())
                .when().post("/admin/credentials/" + credentialId + "/revoke");
    }
}
