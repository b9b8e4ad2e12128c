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
        int limited = 0;
        Response last = null;
        for (int i = 0; i < 12; i++) {
            Response response = given().auth().oauth2(apiKey).when().get("/v1/jobs");
            if (response.statusCode() == 429) {
                limited++;
                last = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }

        assertThat(limited).isGreaterThanOrEqualTo(5);
        assertThat(last.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(last.jsonPath().getString("error.type")).isEqualTo("rate_limit_error");
        assertThat(given().auth().oauth2(Accounts.newOrganizationKey()).when().get("/v1/jobs").statusCode())
                .isEqualTo(200);
    }
}
