package com.firsthand.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stack the README's first command starts, used through the gateway only: credentials and routing. */
@ExtendWith(LocalStack.class)
class LocalStackIT {

    private final LocalStack stack = LocalStack.get();
    private final Api api = stack.api();

    @Test
    void theGatewayServesTheDemoBuyerAndRefusesAnonymousCalls() {
        Api.Reply jobs = api.get("/v1/jobs", stack.demoApiKey());
        assertThat(jobs.status()).isEqualTo(200);
        assertThat(jobs.json().path("object").asText()).isEqualTo("list");

        Api.Reply anonymous = api.get("/v1/jobs", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().path("error").path("type").asText()).isEqualTo("authentication_error");
    }

    @Test
    void everyServiceAnswersThroughTheGateway() {
        String key = stack.demoApiKey();
        assertThat(api.get("/v1/usage", key).status()).isEqualTo(200);
        assertThat(api.get("/v1/webhook_endpoints", key).status()).isEqualTo(200);
        assertThat(api.get("/v1/worker/jobs", stack.demoWorkerToken()).status()).isEqualTo(200);
        assertThat(api.get("/v1/worker/jobs", key).status()).as("a buyer key on a worker endpoint").isEqualTo(403);
        assertThat(api.get("/v1/no-such-thing", key).status()).isEqualTo(404);
    }

    @Test
    void adminProvisioningWorksThroughTheGatewayAndTheNewKeyIsAcceptedEverywhere() throws Exception {
        String admin = stack.adminToken();
        Api.Reply created = api.post("/admin/organizations", admin, "{\"name\":\"E2E Org\"}");
        assertThat(created.status()).isEqualTo(200);
        JsonNode org = created.json();
        String key = org.path("api_key").path("secret").asText();
        assertThat(key).startsWith("fh_live_");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(api.get("/v1/jobs", key).status()).isEqualTo(200);
            assertThat(api.get("/v1/usage", key).status()).as("replicated to scoring-service").isEqualTo(200);
            assertThat(api.get("/v1/webhook_endpoints", key).status()).as("replicated to webhook-service")
                    .isEqualTo(200);
        });

        Api.Reply revoked = api.post("/admin/credentials/" + org.path("api_key").path("id").asText() + "/revoke",
                admin, null);
        assertThat(revoked.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(api.get("/v1/jobs", key).status()).isEqualTo(401);
            assertThat(api.get("/v1/usage", key).status()).isEqualTo(401);
            assertThat(api.get("/v1/webhook_endpoints", key).status()).isEqualTo(401);
        });
    }
}
