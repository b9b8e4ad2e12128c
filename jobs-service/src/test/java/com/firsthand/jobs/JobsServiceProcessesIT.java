package com.firsthand.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jobs-service as real processes (the packaged jar) on real PostgreSQL and Kafka: two replicas on one database
 * share long-poll wake-ups, and an event committed just before a kill -9 is published by the next start.
 */
class JobsServiceProcessesIT {

    private static final String ADMIN = "it-admin-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static LocalInfrastructure infra;
    private static final List<ChildJvm> replicas = new ArrayList<>();
    private static final List<Integer> ports = new ArrayList<>();

    @BeforeAll
    static void start() {
        infra = LocalInfrastructure.onFreePorts(dir.resolve("infra"));
        String jdbcUrl = infra.postgres().createDatabase("jobs");
        for (int i = 0; i < 2; i++) {
            int port = Ports.free();
            ports.add(port);
            replicas.add(startReplica("jobs-" + i, port, jdbcUrl, true));
        }
        for (int i = 0; i < 2; i++) {
            awaitReady(replicas.get(i), ports.get(i));
        }
    }

    private static ChildJvm startReplica(String name, int port, String jdbcUrl, boolean relay) {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        assertThat(jar).exists();
        return ChildJvm.start(name, jar.toString(), List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dquarkus.datasource.username=" + PostgresServer.USER,
                "-Dquarkus.datasource.password=" + PostgresServer.PASSWORD,
                "-Dkafka.bootstrap.servers=" + infra.kafka().bootstrapServers(),
                "-Dfirsthand.outbox.relay-enabled=" + relay,
                "-Dfirsthand.admin.token=" + ADMIN,
                "-Dfirsthand.cursor.secret=processes-it-cursor-secret"),
                "io.quarkus.bootstrap.runner.QuarkusEntryPoint", List.of(), dir.resolve(name + ".log"));
    }

    private static void awaitReady(ChildJvm replica, int port) {
        await().atMost(Duration.ofSeconds(120)).ignoreExceptionsInstanceOf(java.io.IOException.class)
                .until(() -> {
                    assertThat(replica.isAlive()).as(replica.tail()).isTrue();
                    return status(send(port, "GET", "/q/health/ready", null, null)) == 200;
                });
    }

    @AfterAll
    static void stop() {
        replicas.forEach(ChildJvm::close);
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void aLongPollOnOneReplicaWakesWhenTheOtherCancelsTheJob() throws Exception {
        String org = body(send(ports.get(0), "POST", "/admin/organizations", ADMIN, "{\"name\":\"IT\"}"));
        String apiKey = JSON.readTree(org).path("api_key").path("secret").asText();
        String job = body(send(ports.get(0), "POST", "/v1/jobs", apiKey, Accounts.jobBody("replicas")));
        String jobId = field(job, "id");

        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> poll = HTTP.sendAsync(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + ports.get(0) + "/v1/jobs/" + jobId))
                .header("Authorization", "Bearer " + apiKey).header("Prefer", "wait=25").build(),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).until(() -> body(send(ports.get(0), "GET", "/q/metrics", null, null))
                .contains("firsthand_jobs_long_polls_waiting 1.0"));
        assertThat(status(send(ports.get(1), "POST", "/v1/jobs/" + jobId + "/cancel", apiKey, null))).isEqualTo(200);

        HttpResponse<String> woken = poll.get();
        assertThat(woken.statusCode()).isEqualTo(200);
        assertThat(field(woken.body(), "status")).isEqualTo("cancelled");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anEventCommittedJustBeforeACrashIsPublishedByTheNextStart() throws Exception {
        String jdbcUrl = infra.postgres().createDatabase("jobs_crash");
        int port = Ports.free();
        ChildJvm crashing = startReplica("jobs-crash", port, jdbcUrl, false);
        awaitReady(crashing, port);
        String org = body(send(port, "POST", "/admin/organizations", ADMIN, "{\"name\":\"Crash\"}"));
        String apiKey = JSON.readTree(org).path("api_key").path("secret").asText();
        String jobId = field(body(send(port, "POST", "/v1/jobs", apiKey, Accounts.jobBody("crash"))), "id");

        crashing.kill();

        int restartPort = Ports.free();
        ChildJvm restarted = startReplica("jobs-restarted", restartPort, jdbcUrl, true);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "crash-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("job.created"));
            List<String> keys = new ArrayList<>();
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> keys.add(record.key()));
                return keys.contains(jobId);
            });
        } finally {
            restarted.close();
        }
    }

    private static HttpResponse<String> send(int port, String method, String path, String bearer, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(40));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if ("POST".equals(method)) {
            request.header("Idempotency-Key", UUID.randomUUID().toString()).header("Content-Type", "application/json");
            request.POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int status(HttpResponse<String> response) {
        return response.statusCode();
    }

    private static String body(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static String field(String json, String name) throws Exception {
        return JSON.readTree(json).path(name).asText();
    }
}
