package com.firsthand.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public API description the gateway serves: one document for the four services, complete enough for SDKs
 * (operationId, security, error responses on every operation), lint-clean with Redocly's recommended rules, and a
 * /docs page served without a CDN that a real browser (headless chromium) renders.
 */
@ExtendWith(LocalStack.class)
class ApiDescriptionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final LocalStack stack = LocalStack.get();
    private final Api api = stack.api();

    @Test
    void theGatewayDescribesEveryServicesOperationsWithIdsCredentialsAndErrors() throws Exception {
        Api.Reply reply = api.get("/openapi.json", null);
        assertThat(reply.status()).isEqualTo(200);
        JsonNode description = reply.json();

        assertThat(description.path("servers").get(0).path("url").asText()).isEqualTo(api.gateway());
        JsonNode paths = description.path("paths");
        assertThat(paths.has("/v1/jobs")).as("jobs-service").isTrue();
        assertThat(paths.has("/v1/worker/events")).as("submissions-service").isTrue();
        assertThat(paths.has("/v1/usage")).as("scoring-service").isTrue();
        assertThat(paths.has("/v1/webhook_endpoints")).as("webhook-service").isTrue();
        assertThat(description.path("components").path("securitySchemes").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("buyerApiKey", "workerToken", "adminToken", "webhookSignature");

        List<String> operationIds = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            JsonNode operation = method.getValue();
            String where = method.getKey() + " " + path.getKey();
            operationIds.add(operation.path("operationId").asText());
            assertThat(operation.path("operationId").asText()).as(where).isNotEmpty();
            assertThat(operation.path("security").get(0).fieldNames().next()).as(where).isEqualTo(
                    path.getKey().startsWith("/v1/worker") ? "workerToken"
                            : path.getKey().startsWith("/admin") ? "adminToken" : "buyerApiKey");
            assertThat(operation.path("responses").fieldNames()).toIterable().as(where)
                    .contains("401", "403", "429", "503");
            if ("post".equals(method.getKey())) {
                assertThat(operation.path("parameters").findValuesAsText("name")).as(where)
                        .contains("Idempotency-Key");
            }
        }));
        assertThat(operationIds).doesNotHaveDuplicates().contains("createJob", "listJobs", "getJob", "cancelJob",
                "uploadSubmission", "listWorkerEvents", "getUsage", "createWebhookEndpoint");
        assertThat(description.path("components").path("schemas").path("JobResponse").path("properties")
                .has("files_needed")).as("snake_case, as the API answers").isTrue();

        JsonNode scored = description.path("webhooks").path("submission.scored").path("post");
        assertThat(scored.path("parameters").findValuesAsText("name"))
                .containsExactlyInAnyOrder("webhook-id", "webhook-timestamp", "webhook-signature");
        assertThat(description.path("webhooks").fieldNames()).toIterable().contains("submission.approved",
                "submission.rejected", "job.status_changed", "job.completed", "job.cancelled");
        assertThat(description.path("components").path("schemas").path("SubmissionResponse").path("properties")
                .path("status").path("enum").toString()).contains("pending_score", "retry_pending", "null");

        JsonNode yaml = new YAMLMapper().readTree(api.get("/openapi.yaml", null).body());
        assertThat(yaml).isEqualTo(description);
    }

    @Test
    void theDescriptionIsCleanUnderRedoclysRecommendedRules() throws Exception {
        Path file = Files.createTempFile("firsthand-openapi", ".json");
        Files.writeString(file, api.get("/openapi.json", null).body());
        Path config = Path.of(System.getProperty("fh.project.dir", ".."), "redocly.yaml")
                .toAbsolutePath();
        Process lint = new ProcessBuilder("npx", "-y", "@redocly/cli@2.77.0", "lint", "--config",
                config.toString(), "--format", "json", file.toString()).redirectErrorStream(false).start();
        byte[] output = lint.getInputStream().readAllBytes();
        assertThat(lint.waitFor(120, TimeUnit.SECONDS)).isTrue();
        JsonNode report = JSON.readTree(output);
        assertThat(report.path("problems")).as(new String(output, StandardCharsets.UTF_8)).isEmpty();
        assertThat(lint.exitValue()).isZero();
    }

    @Test
    void theDocsPageIsServedFromTheGatewayWithItsOwnAssets() throws IOException {
        Api.Reply page = api.get("/docs", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("/openapi.json", "/docs/swagger-ui-bundle.js").doesNotContain("https://");
        Api.Reply bundle = api.get("/docs/swagger-ui-bundle.js", null);
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        assertThat(api.get("/docs/../pom.xml", null).status()).isIn(400, 404);
    }

    @Test
    void theDocsPageRendersTheOperationsInARealBrowser() throws Exception {
        Process chromium = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--virtual-time-budget=15000", "--dump-dom", api.gateway() + "/docs")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] dom = chromium.getInputStream().readAllBytes();
        assertThat(chromium.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String rendered = new String(dom, StandardCharsets.UTF_8);
        assertThat(rendered).as("Swagger UI rendered the description, not just the page's script")
                .contains("opblock", "/v1/jobs/{job_id}/cancel", "/v1/worker/events", "FirstHand API");
    }
}
