package com.firsthand.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/** A demo buyer organization and a demo worker, created once through the gateway's admin API and saved. */
final class DemoAccounts {

    record Credentials(String organizationId, String apiKey, String workerId, String workerToken) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI gateway;
    private final String adminToken;
    private final Path file;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    DemoAccounts(String gatewayUrl, String adminToken, Path file) {
        this.gateway = URI.create(gatewayUrl);
        this.adminToken = adminToken;
        this.file = file;
    }

    /** The saved credentials, or new ones when none are saved (a retry reuses the same Idempotency-Keys). */
    Credentials loadOrProvision() throws IOException, InterruptedException {
        if (Files.exists(file)) {
            return load();
        }
        JsonNode organization = post("/admin/organizations", "demo-org", "Demo Buyer");
        JsonNode worker = post("/admin/workers", "demo-worker", "Demo Worker");
        Credentials credentials = new Credentials(
                text(organization, "id"), text(organization.path("api_key"), "secret"),
                text(worker, "id"), text(worker.path("token"), "secret"));
        save(credentials);
        return credentials;
    }

    private JsonNode post(String path, String idempotencyKey, String name) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken)
                .header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("name", name))))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String text(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException("the answer has no text field \"" + field + "\": " + node);
        }
        return value.asText();
    }

    private Credentials load() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new Credentials(properties.getProperty("organization.id"), properties.getProperty("api.key"),
                properties.getProperty("worker.id"), properties.getProperty("worker.token"));
    }

    private void save(Credentials credentials) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("organization.id", credentials.organizationId());
        properties.setProperty("api.key", credentials.apiKey());
        properties.setProperty("worker.id", credentials.workerId());
        properties.setProperty("worker.token", credentials.workerToken());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "FirstHand demo accounts (delete this file to provision new ones)");
        }
        DataDir.ownerOnly(temporary);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
