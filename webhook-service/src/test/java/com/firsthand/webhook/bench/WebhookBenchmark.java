package com.firsthand.webhook.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.firsthand.common.ids.Ids;
import com.firsthand.common.testing.PublishedCredentials;
import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import com.firsthand.events.SubmissionStatusChanged;
import com.firsthand.events.Topics;
import com.firsthand.infra.ChildJvm;
import com.firsthand.infra.LocalInfrastructure;
import com.firsthand.infra.Ports;
import com.firsthand.infra.PostgresServer;
import com.firsthand.webhook.Receiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * bench/webhooks.sh: real Kafka and PostgreSQL on loopback, webhook-service as its packaged jar, one fast local
 * receiver. Publishes submission.status_changed events to Kafka and measures deliveries per second and the
 * latency from publishing the Kafka event to the receiver getting the webhook.
 *   args: burst-events paced-events paced-rate-per-second
 */
public final class WebhookBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        int burst = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int paced = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Path dir = Files.createTempDirectory("fh-webhook-bench");
        try (LocalInfrastructure infra = LocalInfrastructure.onFreePorts(dir.resolve("infra"))) {
            int port = Ports.free();
            String jdbcUrl = infra.postgres().createDatabase("webhooks");
            Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
            try (ChildJvm service = ChildJvm.start("webhook-service", jar.toString(), List.of("-Xmx384m",
                    "-Dquarkus.http.port=" + port,
                    "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                    "-Dquarkus.datasource.username=" + PostgresServer.USER,
                    "-Dquarkus.datasource.password=" + PostgresServer.PASSWORD,
                    "-Dkafka.bootstrap.servers=" + infra.kafka().bootstrapServers(),
                    "-Dfirsthand.webhooks.allow-private-targets=true",
                    "-Dfirsthand.webhooks.require-https-targets=false",
                    "-Dfirsthand.cursor.secret=benchmark-cursor-secret",
                    // One attempt: the drain phase fails a backlog on purpose, then recovers it in one call.
                    "-Dfirsthand.webhooks.retry-schedule=0s",
                    "-Dquarkus.log.level=WARN"),
                    "io.quarkus.bootstrap.runner.QuarkusEntryPoint", List.of(), dir.resolve("service.log"));
                    Receiver receiver = Receiver.start(request -> Receiver.Answer.ok());
                    KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers(),
                            ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 1),
                            new StringSerializer(), new StringSerializer())) {
                awaitStatus(port, "/q/health/ready", null, 200, Duration.ofMinutes(3));
                String kafka = infra.kafka().bootstrapServers();
                PublishedCredentials.Issued buyer = PublishedCredentials.buyerKey(kafka);
                awaitStatus(port, "/v1/webhook_endpoints", buyer.secret(), 200, Duration.ofSeconds(60));
                HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v1/webhook_endpoints"))
                        .header("Authorization", "Bearer " + buyer.secret())
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + receiver.url()
                                + "\",\"enabled_events\":[\"submission.scored\"]}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (created.statusCode() != 200) {
                    throw new IllegalStateException(created.body());
                }
                String endpointId = JSON.readTree(created.body()).path("id").asText();
                Map<String, Long> sentAt = new ConcurrentHashMap<>();
                // Warm-up: the JIT compiles the paths before anything is measured.
                run("warm-up", producer, buyer.orgId(), receiver, sentAt, 1000, 200);
                Result paceResult = run("paced", producer, buyer.orgId(), receiver, sentAt, paced, rate);
                EventCounter counter = new EventCounter(jdbcUrl, 2 * (1000 + paced + burst));
                counter.start();
                Result burstResult = run("burst", producer, buyer.orgId(), receiver, sentAt, burst, 0);
                counter.join();
                double drained = drain(port, buyer, endpointId, producer, receiver, jdbcUrl, burst);
                System.out.println("| load | events | deliveries/s | p50 | p99 | max |");
                System.out.println("|---|---|---|---|---|---|");
                System.out.println(paceResult.row("paced, " + rate + " events/s"));
                System.out.println(burstResult.row("burst, all published at once"));
                System.out.println();
                System.out.printf("Burst: the public events of all %d Kafka events recorded after %.1f s "
                        + "(%.0f events/s consumed); the last delivery after %.1f s.%n", burst, counter.seconds(),
                        burst / counter.seconds(), burst / burstResult.perSecond());
                System.out.printf("Dispatch alone: %d failed deliveries recovered in one call were delivered at "
                        + "%.0f deliveries/s.%n", burst, drained);
            }
        }
    }

    /** Watches the event table during the burst: when did the consumer record every public event? */
    static final class EventCounter extends Thread {
        private final String jdbcUrl;
        private final int expected;
        private final long start = System.nanoTime();
        private volatile double seconds = Double.NaN;

        EventCounter(String jdbcUrl, int expected) {
            this.jdbcUrl = jdbcUrl;
            this.expected = expected;
        }

        @Override
        public void run() {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, PostgresServer.USER,
                    PostgresServer.PASSWORD)) {
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                        .until(() -> count(c, "SELECT count(*) FROM webhook_event") >= expected);
                seconds = (System.nanoTime() - start) / 1e9;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        double seconds() {
            return seconds;
        }
    }

    record Result(int events, double perSecond, long p50, long p99, long max) {
        String row(String load) {
            return String.format("| %s | %d | %.0f | %d ms | %d ms | %d ms |", load, events, perSecond, p50, p99, max);
        }
    }

    private static Result run(String name, KafkaProducer<String, String> producer, String orgId, Receiver receiver,
            Map<String, Long> sentAt, int count, int ratePerSecond) throws Exception {
        int before = receiver.received().size();
        long start = System.nanoTime();
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (ratePerSecond > 0) {
                long due = start + i * 1_000_000_000L / ratePerSecond;
                LockSupport.parkNanos(due - System.nanoTime());
            }
            String submissionId = Ids.next(Ids.SUBMISSION);
            ids.add(submissionId);
            Instant now = Instant.now();
            SubmissionStatusChanged change = new SubmissionStatusChanged(submissionId, "job_bench", orgId,
                    "wkr_bench", "pending_score", "approved", 4, "Sharp and well lit.", "file_1", now, "image/jpeg",
                    2450000L, now.minusSeconds(5), now, "https://files.example/" + submissionId,
                    now.plusSeconds(3600), null);
            EventEnvelope envelope = new EventEnvelope(Ids.next(Ids.EVENT), Topics.SUBMISSION_STATUS_CHANGED, 1, now,
                    orgId, "submission", submissionId, EventJson.toTree(change));
            sentAt.put(submissionId, System.nanoTime());
            producer.send(new ProducerRecord<>(envelope.type(), envelope.aggregateId(), EventJson.write(envelope)));
        }
        producer.flush();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> receiver.received().size() >= before + count);
        List<com.firsthand.webhook.Receiver.Received> got = receiver.received().subList(before,
                receiver.received().size());
        if (got.size() < count) {
            throw new IllegalStateException(name + ": only " + got.size() + " of " + count + " delivered");
        }
        List<Long> latencies = new ArrayList<>();
        long last = 0;
        for (var request : got) {
            String id = JSON.readTree(request.body()).path("data").path("object").path("id").asText();
            Long sent = sentAt.get(id);
            if (sent != null && ids.contains(id)) {
                latencies.add((request.nanos() - sent) / 1_000_000);
                last = Math.max(last, request.nanos());
            }
        }
        latencies.sort(Long::compare);
        double seconds = (last - start) / 1e9;
        return new Result(count, count / seconds, latencies.get(latencies.size() / 2),
                latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1), latencies.get(latencies.size() - 1));
    }

    /**
     * Dispatch throughput alone: a backlog of failed deliveries (the receiver answers 500 to their single
     * attempt) is put back by one recover call; deliveries per second until the receiver has them all.
     */
    private static double drain(int port, PublishedCredentials.Issued buyer, String endpointId,
            KafkaProducer<String, String> producer, Receiver receiver, String jdbcUrl, int count) throws Exception {
        Instant since = Instant.now().minusSeconds(1);
        receiver.answer(request -> Receiver.Answer.status(500));
        int before = receiver.received().size();
        run("backlog", producer, buyer.orgId(), receiver, new ConcurrentHashMap<>(), count, 0);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, PostgresServer.USER,
                PostgresServer.PASSWORD)) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() ->
                    count(c, "SELECT count(*) FROM webhook_delivery WHERE status = 'failed'") >= count);
        }
        receiver.answer(request -> Receiver.Answer.ok());
        int failed = receiver.received().size();
        long start = System.nanoTime();
        HttpResponse<String> recovered = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/v1/webhook_endpoints/" + endpointId + "/recover"))
                .header("Authorization", "Bearer " + buyer.secret())
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"since\":\"" + since + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (recovered.statusCode() != 200 || failed - before < count) {
            throw new IllegalStateException("recover: " + recovered.body() + ", failed " + (failed - before));
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(10))
                .until(() -> receiver.received().size() >= failed + count);
        List<Receiver.Received> got = receiver.received();
        return count / ((got.get(got.size() - 1).nanos() - start) / 1e9);
    }

    private static int count(java.sql.Connection c, String sql) throws java.sql.SQLException {
        try (var rows = c.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void awaitStatus(int port, String path, String bearer, int status, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        await(path + " answers " + status).atMost(timeout).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(java.io.IOException.class)
                .until(() -> HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == status);
    }

    private WebhookBenchmark() {
    }
}
