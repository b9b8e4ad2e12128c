package com.firsthand.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RateLimitTest.TightLimit.class)
class RateLimitTest {

    public static class TightLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("firsthand.rate-limit.requests-per-second", "1", "firsthand.rate-limit.burst", "5");
        }
    }

    @Test
    void aCredentialOverItsRateGets429WithRetryAfterAndOthersAreUnaffected() {
        String apiKey = Accounts.newOrganizationKey();
        int passed = 0;
        Response refused = null;
        long start = System.nanoTime();
        for (int i = 0; i < 50 && refused == null; i++) {
            Response response = given().auth().oauth2(apiKey).when().get("/v1/jobs");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
                passed++;
            }
        }
        long elapsedSeconds = (System.nanoTime() - start) / 1_000_000_000L;

        assertThat(refused).as("a 429 within 50 requests").isNotNull();
        assertThat(passed).as("the burst passes").isGreaterThanOrEqualTo(5);
        // The burst and then no more than 1 request a second could refill while these requests were sent.
        assertThat(passed).as("passed in %d s", elapsedSeconds).isLessThanOrEqualTo(5 + (int) elapsedSeconds);
        assertThat(refused.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(refused.jsonPath().getString("error.type")).isEqualTo("rate_limit_error");
        assertThat(given().auth().oauth2(Accounts.newOrganizationKey()).when().get("/v1/jobs").statusCode())
                .isEqualTo(200);
    }
}
