package com.firsthand.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.firsthand.common.testing.SyntheticPhotos;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A stream of uploads while faults follow one another: each service in turn is killed with -9 and started again
 * by the launcher, so are the Kafka broker and PostgreSQL's postmaster, and the buyer's webhook receiver is down
 * for a while. Clients retry failed calls with the same Idempotency-Key, as the API asks. Afterwards: no
 * submission lost or stuck in pending_score, none scored or paid twice, files_approved equal to the approved
 * count, and a verified submission.scored delivery for every submission, duplicates only with the same
 * webhook-id.
 */
@ExtendWith(LocalStack.class)
class FaultsDuringUploadsIT {

    static final int WORKERS = 8;
    static final int ROUNDS = 32;
    static final String RECEIVER_DOWN = "receiver down";
    static final String RECEIVER_UP = "receiver up";
    static final String KAFKA = "Kafka";
    static final String POSTGRES = "PostgreSQL";
    static final List<String> FAULTS = List.of("submissions-service", RECEIVER_DOWN, "scoring-service", KAFKA,
            "jobs-service", RECEIVER_UP, POSTGRES, "webhook-service");

    private final LocalStack stack = LocalStack.get();
    private final Api api = stack.api();
    private final Set<String> submissions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger uploaded = new AtomicInteger();

    @Test
    void crashesOfEveryPartLoseAndRepeatNothing() throws Exception {
        String admin = stack.adminToken();
        String buyer = api.post("/admin/organizations", admin, "{\"name\":\"Crash test\"}").json()
                .path("api_key").path("secret").asText();
        List<String> workers = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            workers.add(api.post("/admin/workers", admin, "{\"name\":\"crash-" + i + "\"}").json()
                    .path("token").path("secret").asText());
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/v1/jobs", buyer).status() == 200
                && workers.stream().allMatch(w -> api.get("/v1/worker/jobs", w).status() == 200));
        WebhookReceiver receiver = new WebhookReceiver();
        int receiverPort = receiver.port();
        Api.Reply endpoint = api.post("/v1/webhook_endpoints", buyer, "{\"url\":\"" + receiver.url()
                + "\",\"enabled_events\":[\"submission.scored\"]}");
        assertThat(endpoint.status()).as(endpoint.body()).isEqualTo(200);
        String secret = endpoint.json().path("secret").asText();
        receiver.trust(secret);
        List<WebhookReceiver.Delivery> delivered = new ArrayList<>();
        java.time.Instant started = java.time.Instant.now();
        String jobId = api.post("/v1/jobs", buyer, "{\"type\":\"data_collection\",\"description\":\"Crash test\","
                + "\"files_needed\":1000,\"accepted_formats\":[\"image/jpeg\"],\"price_per_file_cents\":50}")
                .json().path("id").asText();

        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<Future<?>> streams = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            int worker = w;
            streams.add(pool.submit(() -> uploadStream(workers.get(worker), worker, jobId)));
        }
        for (int i = 0; i < FAULTS.size(); i++) {
            int threshold = (i + 1) * WORKERS * ROUNDS / (FAULTS.size() + 1);
            await().atMost(Duration.ofMinutes(2)).until(() -> uploaded.get() >= threshold);
            String fault = FAULTS.get(i);
            switch (fault) {
                case RECEIVER_DOWN -> {
                    delivered.addAll(receiver.accepted());
                    receiver.close();
                }
                case RECEIVER_UP -> {
                    receiver = new WebhookReceiver(receiverPort);
                    receiver.trust(secret);
                }
                case KAFKA -> killAndAwaitRestart(KAFKA, this::kafkaBroker);
                case POSTGRES -> killAndAwaitRestart(POSTGRES, this::postmaster);
                default -> killAndAwaitRestart(fault);
            }
        }
        for (Future<?> stream : streams) {
            stream.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(submissions).hasSize(WORKERS * ROUNDS);

        await().atMost(Duration.ofMinutes(2)).until(() -> api.get("/v1/submissions?job_id=" + jobId
                + "&status=pending_score&limit=1", buyer).json().path("data").isEmpty());
        List<JsonNode> all = listAll("/v1/jobs/" + jobId + "/submissions", buyer);
        assertThat(all).extracting(s -> s.path("id").asText()).containsExactlyInAnyOrderElementsOf(submissions);
        long approved = all.stream().filter(s -> "approved".equals(s.path("status").asText())).count();
        assertThat(approved).as("distinct photos from distinct workers: all approved").isEqualTo(submissions.size());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.get("/v1/jobs/" + jobId, buyer).json().path("files_approved").asLong()).isEqualTo(approved));
        assertThat(listAll("/v1/jobs/" + jobId + "/files", buyer)).hasSize((int) approved);
        long earned = workers.stream().mapToLong(w -> api.get("/v1/worker/earnings", w).json()
                .path("total_cents").asLong()).sum();
        assertThat(earned).as("one payout per approved file").isEqualTo(approved * 50);
        assertThat(api.get("/v1/usage", buyer).json().path("credits_used").asLong()).as("one credit per score")
                .isEqualTo(submissions.size());

        // What failed every attempt while the receiver was down is sent again on request, as an operator would.
        Api.Reply recovered = api.post("/v1/webhook_endpoints/" + endpoint.json().path("id").asText() + "/recover",
                buyer, "{\"since\":\"" + started + "\"}");
        assertThat(recovered.status()).as(recovered.body()).isEqualTo(200);
        WebhookReceiver back = receiver;
        await().atMost(Duration.ofMinutes(2)).until(() -> scoredSubmissions(delivered, back).containsAll(submissions));
        back.close();
        assertThat(back.refused()).as("every delivery verifies").isEmpty();
        java.util.Map<String, Set<String>> idsBySubmission = new java.util.HashMap<>();
        List<WebhookReceiver.Delivery> deliveries = new ArrayList<>(delivered);
        deliveries.addAll(back.accepted());
        deliveries.forEach(d -> idsBySubmission.computeIfAbsent(d.event().path("data").path("object").path("id").asText(),
                k -> new java.util.HashSet<>()).add(d.webhookId()));
        assertThat(idsBySubmission).as("duplicates only ever share their webhook-id")
                .allSatisfy((submission, ids) -> assertThat(ids).hasSize(1));
    }

    private static Set<String> scoredSubmissions(List<WebhookReceiver.Delivery> before, WebhookReceiver receiver) {
        Set<String> ids = new java.util.HashSet<>();
        List<WebhookReceiver.Delivery> all = new ArrayList<>(before);
        all.addAll(receiver.accepted());
        all.forEach(d -> ids.add(d.event().path("data").path("object").path("id").asText()));
        return ids;
    }

    private void uploadStream(String worker, int index, String jobId) {
        for (int round = 0; round < ROUNDS; round++) {
            byte[] photo = SyntheticPhotos.jpeg(SyntheticPhotos.scene(70_000L + index * 1000L + round, 800, 600), 0.85f);
            String acceptKey = UUID.randomUUID().toString();
            // 404 too: the new job reaches submissions-service's replica a moment after it is created.
            retrying(() -> {
                Api.Reply reply = api.post("/v1/worker/jobs/" + jobId + "/accept", worker, null, acceptKey);
                return reply.status() == 404 ? new Api.Reply(0, reply.body()) : reply;
            });
            String uploadKey = UUID.randomUUID().toString();
            Api.Reply reply = retrying(() -> api.upload("/v1/worker/jobs/" + jobId + "/submissions", worker,
                    "p.jpg", "image/jpeg", photo, uploadKey));
            submissions.add(reply.json().path("id").asText());
            uploaded.incrementAndGet();
        }
    }

    /**
     * Repeats the call (same Idempotency-Key) while the answer is missing, a 5xx or a 429 (a retry while an attempt
     * the client gave up on is still in flight may meet the per-worker upload cap); anything else must be 200.
     */
    private static Api.Reply retrying(Supplier<Api.Reply> call) {
        Api.Reply[] last = new Api.Reply[1];
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> {
            last[0] = call.get();
            return last[0].status() != 0 && last[0].status() < 500 && last[0].status() != 429;
        });
        assertThat(last[0].status()).as(last[0].body()).isEqualTo(200);
        return last[0];
    }

    private ProcessHandle kafkaBroker() {
        String dataDir = stack.dataDir().toString();
        return ProcessHandle.allProcesses().filter(p -> {
            String command = LocalStack.commandLine(p);
            return command.contains("kafka.Kafka") && command.contains(dataDir);
        }).findFirst().orElseThrow(() -> new AssertionError("no Kafka broker"));
    }

    private ProcessHandle postmaster() {
        try {
            long pid = Long.parseLong(java.nio.file.Files.readAllLines(
                    stack.dataDir().resolve("postgres/data/postmaster.pid")).get(0).trim());
            return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no postmaster " + pid));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Kills a part of the infrastructure with -9 and waits until the launcher reports it back. */
    private void killAndAwaitRestart(String part, Supplier<ProcessHandle> process) throws Exception {
        String back = "  " + part + " is back";
        long before = stack.output().lines().filter(back::equals).count();
        ProcessHandle victim = process.get();
        victim.destroyForcibly();
        victim.onExit().get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> stack.output().lines().filter(back::equals).count() > before);
    }

    private void killAndAwaitRestart(String service) throws Exception {
        stack.killAndAwaitReady(service);
    }

    private List<JsonNode> listAll(String path, String buyer) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(path + "?limit=100" + (cursor == null ? "" : "&cursor=" + cursor), buyer).json();
            page.path("data").forEach(all::add);
            cursor = page.path("has_more").asBoolean() ? page.path("next_cursor").asText() : null;
        } while (cursor != null);
        return all;
    }
}
