package com.firsthand.submissions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.firsthand.common.auth.CredentialReplicaRebuild;
import com.firsthand.common.auth.SecretHasher;
import com.firsthand.common.ids.Ids;
import com.firsthand.common.testing.DeadLetters;
import com.firsthand.common.testing.KafkaEvents;
import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import com.firsthand.events.Topics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Revocation cannot silently fail on a replica: a record the replica cannot apply is dead-lettered (and counted)
 * instead of holding up its partition, versions order a credential's states whatever the clocks say, and a replica
 * that lost its table (a restored database) is rebuilt from the compacted topic.
 */
@QuarkusTest
class CredentialReplicationTest {

    private static final int PARTITION = 0;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CredentialReplicaRebuild rebuild;

    @Test
    void aPoisonRecordIsDeadLetteredAndALaterRevocationBehindItStillApplies() {
        Key key = new Key();
        publish(key.record("active", 1));
        awaitStatus(key, 200);
        double deadLetteredBefore = DeadLetters.counted(Topics.CREDENTIAL_CHANGED, "credential-replica");

        // Valid, but the replica cannot store it: its secret hash is another credential's (a unique column).
        Key poison = new Key(key.secret);
        String poisonValue = publish(poison.record("active", 1));
        publish(key.record("revoked", 2));

        awaitStatus(key, 401);
        DeadLetters.Letter letter = DeadLetters.await(kafka, poison.id);
        assertThat(letter.value()).isEqualTo(poisonValue);
        assertThat(letter.header("dead-letter-topic")).isEqualTo(Topics.CREDENTIAL_CHANGED);
        assertThat(letter.header("dead-letter-partition")).isEqualTo(String.valueOf(PARTITION));
        assertThat(letter.header("dead-letter-reason")).contains("credential-replica gave up");
        assertThat(DeadLetters.counted(Topics.CREDENTIAL_CHANGED, "credential-replica"))
                .isGreaterThan(deadLetteredBefore);
    }

    @Test
    void aStaleRecordWithALowerVersionDoesNotResurrectARevokedKey() {
        Key key = new Key();
        publish(key.record("active", 1));
        publish(key.record("revoked", 2));
        awaitStatus(key, 401);

        // Replayed late, stamped by a clock running ahead: only the version counts.
        ObjectNode stale = key.record("active", 1).put("changed_at", Instant.now().plusSeconds(3600).toString());
        publish(stale);
        Key barrier = new Key();
        publish(barrier.record("active", 1));
        awaitStatus(barrier, 200);

        assertThat(status(key)).isEqualTo(401);
    }

    @Test
    void aReplicaThatLostItsTableIsRebuiltFromTheCompactedTopic() throws Exception {
        Key active = new Key();
        Key revoked = new Key();
        publish(active.record("active", 1));
        publish(revoked.record("active", 1));
        publish(revoked.record("revoked", 2));
        awaitStatus(active, 200);
        awaitStatus(revoked, 401);

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM credential");
        }
        awaitStatus(active, 401);

        assertThat(rebuild.rebuild()).isGreaterThanOrEqualTo(2);
        assertThat(status(active)).isEqualTo(200);
        assertThat(status(revoked)).isEqualTo(401);
        await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(given().get("/q/health/ready").jsonPath()
                .getString("checks.find { it.name == 'credential-replica' }.status")));
    }

    private String publish(ObjectNode payload) {
        EventEnvelope event = new EventEnvelope(Ids.next(Ids.EVENT), Topics.CREDENTIAL_CHANGED, 1, Instant.now(),
                payload.path("org_id").asText(), "credential", payload.path("credential_id").asText(), payload);
        KafkaEvents.send(kafka, event, PARTITION);
        return EventJson.write(event);
    }

    private static void awaitStatus(Key key, int status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status(key) == status);
    }

    private static int status(Key key) {
        return given().auth().oauth2(key.secret).get("/v1/submissions").statusCode();
    }

    /** A buyer API key published the way jobs-service does, with explicit versions. */
    private static final class Key {
        final String id = Ids.next(Ids.API_KEY);
        final String orgId = Ids.next(Ids.ORGANIZATION);
        final String secret;

        Key() {
            this(SecretHasher.newSecret("fh_live_"));
        }

        Key(String secret) {
            this.secret = secret;
        }

        ObjectNode record(String status, long version) {
            return JsonNodeFactory.instance.objectNode().put("credential_id", id).put("kind", "buyer_api_key")
                    .put("org_id", orgId).putNull("worker_id").put("secret_hash", SecretHasher.sha256(secret))
                    .put("status", status).put("changed_at", Instant.now().toString()).put("version", version);
        }
    }
}
