package com.firsthand.submissions;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(AssignmentExpiryTest.ShortHolds.class)
class AssignmentExpiryTest {

    public static class ShortHolds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Long enough that the second worker's refusal surely comes while the first hold is alive.
            return Map.of("firsthand.submissions.assignment-ttl", "PT6S");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void anUnusedHoldExpiresAndFreesItsSlot() {
        WorkerFixtures fixtures = new WorkerFixtures(kafka);
        String first = fixtures.worker();
        String second = fixtures.worker();
        fixtures.awaitAuthenticated(first);
        fixtures.awaitAuthenticated(second);
        String jobId = fixtures.job(1, null, null);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> WorkerFixtures.accept(first, jobId).then()
                .statusCode(200));
        WorkerFixtures.accept(second, jobId).then().statusCode(409).body("error.code", equalTo("no_slots_left"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> WorkerFixtures.accept(second, jobId).then()
                .statusCode(200).body("status", equalTo("active")));
    }
}
