package com.firsthand.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, as a newcomer would use it: the launcher starts PostgreSQL, Kafka, S3, the four
 * services and the gateway as separate processes; everything is then used through the gateway only.
 */
class LocalStackIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    private static Process launcher;
    private static String gateway;
    private static Properties demo;

    @BeforeAll
    static void startStack() throws Exception {
        Path project = Path.of(System.getProperty("fh.project.dir", "..")).toAbsolutePath().normalize();
        int port = freePort();
        gateway = "http://127.0.0.1:" + port;
        launcher = new ProcessBuilder("java", "-Xmx256m", "-jar",
                project.resolve("launcher/target/fh-launcher.jar").toString(),
                "--data-dir", dataDir.toString(), "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("launcher-output.log").toFile()).start();
        Path credentials = dataDir.resolve("demo-credentials.properties");
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(launcher.isAlive()).as(() -> output()).isTrue();
            return Files.exists(credentials) && output().contains("FirstHand is running");
        });
        demo = new Properties();
        try (InputStream in = new FileInputStream(credentials.toFile())) {
            demo.load(in);
        }
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (launcher != null) {
            launcher.destroy();
            assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).as("the launcher stops on SIGTERM").isTrue();
            assertThat(launcher.descendants().filter(ProcessHandle::isAlive).count()).as("no process left").isZero();
        }
    }

    @Test
    void theGatewayServesTheDemoBuyerAndRefusesAnonymousCalls() throws Exception {
        HttpResponse<String> jobs = get("/v1/jobs", demo.getProperty("api.key"));
        assertThat(jobs.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(jobs.body()).path("object").asText()).isEqualTo("list");

        HttpResponse<String> anonymous = get("/v1/jobs", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(anonymous.body()).path("error").path("type").asText())
                .isEqualTo("authentication_error");
    }

    @Test
    void everyServiceAnswersThroughTheGateway() throws Exception {
        String key = apiKey();
        assertThat(get("/v1/usage", key).statusCode()).isEqualTo(200);
        assertThat(get("/v1/webhook_endpoints", key).statusCode()).isEqualTo(200);
        assertThat(get("/v1/worker/jobs", workerToken()).statusCode()).isEqualTo(200);
        assertThat(get("/v1/worker/jobs", key).statusCode()).as("a buyer key on a worker endpoint").isEqualTo(403);
        assertThat(get("/v1/no-such-thing", key).statusCode()).isEqualTo(404);
    }

    @Test
    void adminProvisioningWorksThroughTheGatewayAndTheNewKeyIsAcceptedEverywhere() throws Exception {
        String admin = Files.readString(dataDir.resolve("admin-token")).trim();
        HttpResponse<String> created = post("/admin/organizations", admin, "{\"name\":\"E2E Org\"}");
        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode org = JSON.readTree(created.body());
        String key = org.path("api_key").path("secret").asText();
        assertThat(key).startsWith("fh_live_");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(get("/v1/jobs", key).statusCode()).isEqualTo(200);
            assertThat(get("/v1/usage", key).statusCode()).as("replicated to scoring-service").isEqualTo(200);
            assertThat(get("/v1/webhook_endpoints", key).statusCode()).as("replicated to webhook-service")
                    .isEqualTo(200);
        });

        HttpResponse<String> revoked = post("/admin/credentials/" + org.path("api_key").path("id").asText()
                + "/revoke", admin, null);
        assertThat(revoked.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(get("/v1/jobs", key).statusCode()).isEqualTo(401);
            assertThat(get("/v1/usage", key).statusCode()).isEqualTo(401);
            assertThat(get("/v1/webhook_endpoints", key).statusCode()).isEqualTo(401);
        });
    }

    private static String apiKey() {
        return firstValue("fh_live_");
    }

    private static String workerToken() {
        return firstValue("fh_wkr_");
    }

    private static String firstValue(String prefix) {
        return demo.values().stream().map(Object::toString).filter(v -> v.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " credential in " + demo.keySet()));
    }

    private static HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String bearer, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer).header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String output() {
        try {
            return Files.readString(dataDir.resolve("launcher-output.log"));
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
