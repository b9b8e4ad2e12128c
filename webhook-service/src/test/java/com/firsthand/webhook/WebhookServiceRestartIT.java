package com.firsthand.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.firsthand.common.ids.Ids;
import com.firsthand.common.testing.KafkaEvents;
import com.firsthand.common.testing.PublishedCredentials;
import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import com.firsthand.events.SubmissionStatusChanged;
import com.firsthand.events.Topics;
import com.firsthand.infra.ChildJvm;
import com.firsthand.infra.LocalInfrastructure;
import com.firsthand.infra.Ports;
import com.firsthand.infra.PostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * webhook-service as a real process (the packaged jar): a delivery fails, the service is killed (kill -9) while
 * the retry waits, and the restarted service makes the retry at the time the table says (schedule 0s, 30s).
 */
class WebhookServiceRestartIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RETRY_DELAY = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    private static LocalInfrastructure infra;
    private static String jdbcUrl;

    @BeforeAll
    static void start() {
        infra = LocalInfrastructure.onFreePorts(dir.resolve("infra"));
        jdbcUrl = infra.postgres().createDatabase("webhooks");
    }

    @AfterAll
    static void stop() {
        if (infra != null) {
            infra.close();
        }
    }

    private static ChildJvm startService(String name, int port) {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        assertThat(jar).exists();
        ChildJvm service = ChildJvm.start(name, jar.toString(), List.of("-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dquarkus.datasource.username=" + PostgresServer.USER,
                "-Dquarkus.datasource.password=" + PostgresServer.PASSWORD,
                "-Dkafka.bootstrap.servers=" + infra.kafka().bootstrapServers(),
                "-Dfirsthand.webhooks.allow-private-targets=true",
                "-Dfirsthand.webhooks.require-https-targets=false",
                "-Dfirsthand.cursor.secret=restart-it-cursor-secret",
                "-Dfirsthand.webhooks.retry-schedule=0s," + RETRY_DELAY.toSeconds() + "s",
                "-Dfirsthand.webhooks.jitter=0"),
                "io.quarkus.bootstrap.runner.QuarkusEntryPoint", List.of(), dir.resolve(name + ".log"));
        await().atMost(Duration.ofSeconds(120)).ignoreExceptionsInstanceOf(java.io.IOException.class).until(() -> {
            assertThat(service.isAlive()).as(service.tail()).isTrue();
            return send(port, "GET", "/q/health/ready", null, null).statusCode() == 200;
        });
        return service;
    }

    @Test
    void aRetryPendingWhenTheServiceIsKilledHappensOnTimeAfterTheRestart() throws Exception {
        int port = Ports.free();
        ChildJvm first = startService("webhooks-1", port);
        AtomicInteger calls = new AtomicInteger();
        try (Receiver receiver = Receiver.start(request -> calls.incrementAndGet() == 1
                ? Receiver.Answer.status(503) : Receiver.Answer.ok())) {
            String kafka = infra.kafka().bootstrapServers();
            PublishedCredentials.Issued buyer = PublishedCredentials.buyerKey(kafka);
            await().atMost(Duration.ofSeconds(30)).until(() -> send(port, "GET", "/v1/webhook_endpoints",
                    buyer.secret(), null).statusCode() == 200);
            HttpResponse<String> created = send(port, "POST", "/v1/webhook_endpoints", buyer.secret(),
                    "{\"url\":\"" + receiver.url() + "\",\"enabled_events\":[\"submission.scored\"]}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

            publishScored(kafka, buyer.orgId());
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == 1);
            long firstAttempt = receiver.received().get(0).nanos();
            // Kill once the failed attempt and its retry time are committed (a kill mid-attempt is covered by the
            // claim's lease instead: the retry then waits for the lease, attempt timeout + 30 s).
            String endpointId = JSON.readTree(created.body()).path("id").asText();
            await().atMost(Duration.ofSeconds(10)).until(() -> send(port, "GET", "/v1/webhook_endpoints/" + endpointId
                    + "/deliveries", buyer.secret(), null).body().contains("\"response_status\":503"));
            first.kill();

            int restartPort = Ports.free();
            ChildJvm restarted = startService("webhooks-2", restartPort);
            try {
                await().atMost(RETRY_DELAY.plusSeconds(30)).until(() -> receiver.received().size() == 2);
                Receiver.Received retry = receiver.received().get(1);
                long gapMillis = (retry.nanos() - firstAttempt) / 1_000_000;
                assertThat(gapMillis).as("retry %d ms after the first attempt", gapMillis)
                        .isBetween(RETRY_DELAY.toMillis() - 500, RETRY_DELAY.toMillis() + 3_000);
                assertThat(retry.id()).isEqualTo(receiver.received().get(0).id());
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                        .until(() -> receiver.received().size() == 2);
            } finally {
                restarted.close();
            }
        }
    }

    private static void publishScored(String kafka, String orgId) {
        String submissionId = Ids.next(Ids.SUBMISSION);
        Instant now = Instant.now();
        SubmissionStatusChanged change = new SubmissionStatusChanged(submissionId, Ids.next(Ids.JOB), orgId,
                Ids.next(Ids.WORKER), "pending_score", "approved", 4, "Sharp.", "file_1", now, "image/jpeg", 1000L,
                now.minusSeconds(5), now, "https://files.example/x", now.plusSeconds(3600), null);
        KafkaEvents.send(kafka, new EventEnvelope(Ids.next(Ids.EVENT), Topics.SUBMISSION_STATUS_CHANGED, 1, now,
                orgId, "submission", submissionId, EventJson.toTree(change)));
    }

    private static HttpResponse<String> send(int port, String method, String path, String bearer, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if ("POST".equals(method)) {
            request.header("Idempotency-Key", UUID.randomUUID().toString()).header("Content-Type", "application/json");
            request.POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
