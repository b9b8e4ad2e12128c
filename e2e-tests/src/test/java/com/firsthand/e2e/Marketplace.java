package com.firsthand.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.firsthand.common.testing.SyntheticPhotos;
import java.time.Duration;

/**
 * One organisation's side of the marketplace through the gateway, for the tests of decisions on work (overrides,
 * appeals): its buyer key and webhook receiver, workers, jobs, uploads, and waits on what follows from them.
 */
final class Marketplace implements AutoCloseable {

    private final Api api;
    private final String admin;
    private final int price;
    final String buyer;
    final WebhookReceiver receiver;

    Marketplace(LocalStack stack, String organisation, int price) throws Exception {
        this.api = stack.api();
        this.admin = stack.adminToken();
        this.price = price;
        this.buyer = buyer(organisation);
        this.receiver = new WebhookReceiver();
        Api.Reply endpoint = api.post("/v1/webhook_endpoints", buyer, "{\"url\":\"" + receiver.url()
                + "\",\"enabled_events\":[\"*\"],\"description\":\"" + organisation + "\"}");
        assertThat(endpoint.status()).as(endpoint.body()).isEqualTo(200);
        receiver.trust(endpoint.json().path("secret").asText());
    }

    /** A new organisation's buyer key, once every service knows it. */
    String buyer(String name) {
        Api.Reply reply = api.post("/admin/organizations", admin, "{\"name\":\"" + name + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String key = reply.json().path("api_key").path("secret").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/v1/jobs", key).status() == 200
                && api.get("/v1/submissions", key).status() == 200
                && api.get("/v1/webhook_endpoints", key).status() == 200);
        return key;
    }

    String worker(String name) {
        Api.Reply reply = api.post("/admin/workers", admin, "{\"name\":\"" + name + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String token = reply.json().path("token").path("secret").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/v1/worker/events", token).status() == 200);
        return token;
    }

    String job(int filesNeeded) {
        Api.Reply reply = api.post("/v1/jobs", buyer, "{\"type\":\"data_collection\",\"description\":\"Residential "
                + "mailboxes, front view, in daylight\",\"files_needed\":" + filesNeeded + ",\"accepted_formats\":"
                + "[\"image/jpeg\"],\"price_per_file_cents\":" + price + "}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().path("id").asText();
    }

    /** Holds a slot (once the job reached submissions-service) and uploads; returns the submission id. */
    String acceptAndUpload(String worker, String jobId, byte[] photo) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Api.Reply accepted = api.post("/v1/worker/jobs/" + jobId + "/accept", worker, null);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        });
        Api.Reply uploaded = api.upload("/v1/worker/jobs/" + jobId + "/submissions", worker, "photo.jpg",
                "image/jpeg", photo);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        return uploaded.json().path("id").asText();
    }

    /** The worker's view of the submission once it is scored. */
    JsonNode awaitScored(String worker, String submissionId) {
        JsonNode[] scored = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Api.Reply reply = api.get("/v1/worker/submissions/" + submissionId, worker);
            scored[0] = reply.json();
            return reply.status() == 200 && !"pending_score".equals(scored[0].path("status").asText());
        });
        return scored[0];
    }

    JsonNode earnings(String worker) {
        return api.get("/v1/worker/earnings", worker).json();
    }

    void awaitJob(String jobId, String status, int filesApproved) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode job = api.get("/v1/jobs/" + jobId, buyer).json();
            assertThat(job.path("status").asText()).as(job.toString()).isEqualTo(status);
            assertThat(job.path("files_approved").asInt()).isEqualTo(filesApproved);
        });
    }

    /** Waits for these webhook events about the submission; every delivery about it matches the description. */
    void awaitWebhooks(String submission, String... types) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(receiver.accepted().stream()
                .filter(d -> about(d, submission)).map(d -> d.event().path("type").asText())).contains(types));
        receiver.accepted().stream().filter(d -> about(d, submission))
                .forEach(d -> assertThat(api.conformance().checkWebhook(d.event())).as(d.event().toString())
                        .isEmpty());
    }

    static String code(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(400, 499);
        return reply.json().path("error").path("code").asText();
    }

    static byte[] photo(long seed) {
        return SyntheticPhotos.jpeg(SyntheticPhotos.scene(seed, 1600, 1200), 0.9f);
    }

    static byte[] blurred(long seed) {
        return SyntheticPhotos.jpeg(SyntheticPhotos.blurred(SyntheticPhotos.scene(seed, 1600, 1200), 6), 0.9f);
    }

    private static boolean about(WebhookReceiver.Delivery delivery, String submission) {
        return delivery.event().path("data").path("object").path("id").asText().equals(submission);
    }

    @Override
    public void close() {
        receiver.close();
    }
}
