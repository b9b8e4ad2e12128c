package com.firsthand.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.firsthand.common.testing.SyntheticPhotos;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole story through the gateway, on the real processes: two organisations, several workers, real images
 * scored by the running scoring-service, files downloaded through their signed URLs, slots recovered, a cancel
 * with submissions waiting for their score, a long-poll woken by completion, and nothing of one organisation
 * visible to the other.
 */
@ExtendWith(LocalStack.class)
class SubmissionStoryIT {

    static final double AUSTIN_LAT = 30.2672;
    static final double AUSTIN_LNG = -97.7431;

    private final LocalStack stack = LocalStack.get();
    private final Api api = stack.api();
    private String admin;
    private String buyer;
    private String otherBuyer;

    @BeforeEach
    void provision() throws Exception {
        admin = stack.adminToken();
        buyer = organisation("Story Buyer");
        otherBuyer = organisation("Other Buyer");
    }

    private String organisation(String name) {
        Api.Reply reply = api.post("/admin/organizations", admin, "{\"name\":\"" + name + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String key = reply.json().path("api_key").path("secret").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/v1/usage", key).status() == 200
                && api.get("/v1/jobs", key).status() == 200 && api.get("/v1/webhook_endpoints", key).status() == 200);
        return key;
    }

    private String worker(String name) {
        Api.Reply reply = api.post("/admin/workers", admin, "{\"name\":\"" + name + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String token = reply.json().path("token").path("secret").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/v1/worker/jobs", token).status() == 200
                && api.get("/v1/worker/submissions", token).status() == 200);
        return token;
    }

    private String job(int filesNeeded, String extra) {
        Api.Reply reply = api.post("/v1/jobs", buyer, "{\"type\":\"data_collection\",\"description\":\"Residential "
                + "mailboxes, front view, in daylight\",\"files_needed\":" + filesNeeded + ",\"accepted_formats\":"
                + "[\"image/jpeg\",\"image/png\"],\"price_per_file_cents\":50" + extra + "}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String jobId = reply.json().path("id").asText();
        return jobId;
    }

    /** Accepts (retrying while the job replica arrives) and uploads; returns the submission id. */
    private String acceptAndUpload(String worker, String jobId, byte[] photo) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Api.Reply accepted = api.post("/v1/worker/jobs/" + jobId + "/accept", worker, null);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        });
        Api.Reply uploaded = api.upload("/v1/worker/jobs/" + jobId + "/submissions", worker, "photo.jpg",
                "image/jpeg", photo);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        assertThat(uploaded.json().path("status").asText()).isEqualTo("pending_score");
        return uploaded.json().path("id").asText();
    }

    private JsonNode awaitScored(String submissionId) {
        JsonNode[] scored = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Api.Reply reply = api.get("/v1/submissions/" + submissionId, buyer);
            scored[0] = reply.json();
            return reply.status() == 200 && !"pending_score".equals(scored[0].path("status").asText());
        });
        return scored[0];
    }

    static byte[] photo(long seed, int width, int height) {
        return SyntheticPhotos.jpeg(SyntheticPhotos.scene(seed, width, height), 0.9f);
    }

    @Test
    void goodBlurredSmallDuplicateAndFarPhotosEachGetTheirVerdict() throws Exception {
        String jobId = job(5, ",\"min_width\":800,\"min_height\":600,\"location\":{\"lat\":" + AUSTIN_LAT
                + ",\"lng\":" + AUSTIN_LNG + ",\"radius_km\":15}");
        byte[] good = SyntheticPhotos.withGps(photo(101, 1600, 1200), 30.30, -97.75);
        String approved = acceptAndUpload(worker("Ana"), jobId, good);
        String blurred = acceptAndUpload(worker("Ben"), jobId, SyntheticPhotos.jpeg(
                SyntheticPhotos.blurred(SyntheticPhotos.scene(102, 1600, 1200), 5), 0.9f));
        String small = acceptAndUpload(worker("Cy"), jobId, photo(103, 640, 480));
        JsonNode first = awaitScored(approved);
        String duplicate = acceptAndUpload(worker("Di"), jobId, SyntheticPhotos.jpeg(SyntheticPhotos.resized(
                SyntheticPhotos.scene(101, 1600, 1200), 1200, 900), 0.7f));
        String far = acceptAndUpload(worker("Ed"), jobId,
                SyntheticPhotos.withGps(photo(104, 1600, 1200), 32.7767, -96.7970));

        assertThat(first.path("status").asText()).isEqualTo("approved");
        assertThat(first.path("ai_star_rating").asInt()).isBetween(4, 5);
        assertThat(awaitScored(blurred).path("ai_reasoning").asText()).startsWith("Blurry");
        assertThat(awaitScored(blurred).path("status").asText()).isEqualTo("rejected");
        JsonNode tooSmall = awaitScored(small);
        assertThat(tooSmall.path("ai_star_rating").asInt()).isEqualTo(1);
        assertThat(tooSmall.path("ai_reasoning").asText()).contains("640×480").contains("800×600");
        assertThat(awaitScored(duplicate).path("ai_reasoning").asText()).contains("near-duplicate").contains(approved);
        assertThat(awaitScored(far).path("ai_reasoning").asText()).contains("km from the job location");

        JsonNode files = api.get("/v1/jobs/" + jobId + "/files", buyer).json();
        assertThat(files.path("data")).hasSize(1);
        assertThat(api.download(files.path("data").path(0).path("url").asText()))
                .as("delivered without the worker's GPS position: the upload less its EXIF")
                .isEqualTo(photo(101, 1600, 1200)).isNotEqualTo(good);
        assertThat(files.path("data").path(0).path("location").path("status").asText()).isEqualTo("verified");
        assertThat(files.path("data").path(0).path("location").path("distance_km").asDouble()).isEqualTo(3.7);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                api.get("/v1/jobs/" + jobId, buyer).json().path("files_approved").asInt()).isEqualTo(1));
        assertThat(api.get("/v1/usage", buyer).json().path("credits_used").asInt())
                .as("AI-scored: the good and the blurred photo; pre-scoring rejections are free").isEqualTo(2);

        assertThat(api.get("/v1/jobs/" + jobId, otherBuyer).status()).isEqualTo(404);
        assertThat(api.get("/v1/jobs/" + jobId + "/files", otherBuyer).status()).isEqualTo(404);
        assertThat(api.get("/v1/submissions/" + approved, otherBuyer).status()).isEqualTo(404);
        assertThat(api.get("/v1/submissions", otherBuyer).json().path("data")).isEmpty();
        assertThat(api.get("/v1/jobs", otherBuyer).json().path("data")).isEmpty();
        assertThat(api.get("/v1/usage", otherBuyer).json().path("credits_used").asInt()).isZero();
    }

    @Test
    void aCancelRejectsPendingSubmissionsReleasesSlotsAndKeepsApprovedFiles() throws Exception {
        String jobId = job(4, "");
        String paid = worker("Hal");
        byte[] kept = photo(301, 1600, 1200);
        String approved = acceptAndUpload(paid, jobId, kept);
        assertThat(awaitScored(approved).path("status").asText()).isEqualTo("approved");

        String late = worker("Ivy");
        String holder = worker("Jo");
        List<String> pending;
        double droppedBefore = stack.scoringTasksDropped();
        try (AutoCloseable frozen = LocalStack.freeze(stack.service("scoring-service"))) {
            pending = List.of(acceptAndUpload(late, jobId, photo(302, 1600, 1200)),
                    acceptAndUpload(worker("Kim"), jobId, photo(303, 1600, 1200)));
            assertThat(api.post("/v1/worker/jobs/" + jobId + "/accept", holder, null).status()).isEqualTo(200);

            Api.Reply cancelled = api.post("/v1/jobs/" + jobId + "/cancel", buyer, null);
            assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
            assertThat(cancelled.json().path("status").asText()).isEqualTo("cancelled");
            for (String submission : pending) {
                JsonNode rejected = awaitScored(submission);
                assertThat(rejected.path("status").asText()).isEqualTo("rejected");
                assertThat(rejected.path("ai_reasoning").asText()).contains("cancelled");
            }
            Api.Reply tooLate = api.upload("/v1/worker/jobs/" + jobId + "/submissions", holder, "photo.jpg",
                    "image/jpeg", photo(304, 1600, 1200));
            assertThat(tooLate.status()).as("the held slot was released: " + tooLate.body()).isEqualTo(409);
        }

        // The scorer wakes up to two uploads and the cancel. Each upload is either dropped (its job is cancelled)
        // or, when the scorer claimed it before reading the cancel, scored too late to count: wait for both.
        int[] dropped = new int[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            dropped[0] = (int) (stack.scoringTasksDropped() - droppedBefore);
            return dropped[0] + api.get("/v1/usage", buyer).json().path("submissions_scored").asInt() == 3;
        });
        assertThat(api.get("/v1/usage", buyer).json().path("credits_used").asInt())
                .as("credits only for what was scored").isEqualTo(3 - dropped[0]);
        for (String submission : pending) {
            assertThat(api.get("/v1/submissions/" + submission, buyer).json().path("status").asText())
                    .isEqualTo("rejected");
        }
        JsonNode job = api.get("/v1/jobs/" + jobId, buyer).json();
        assertThat(job.path("status").asText()).isEqualTo("cancelled");
        assertThat(job.path("files_approved").asInt()).isEqualTo(1);
        JsonNode files = api.get("/v1/jobs/" + jobId + "/files", buyer).json().path("data");
        assertThat(files).hasSize(1);
        assertThat(api.download(files.path(0).path("url").asText())).isEqualTo(kept);
        assertThat(api.get("/v1/worker/earnings", paid).json().path("total_cents").asInt()).isEqualTo(50);
        assertThat(api.get("/v1/worker/earnings", late).json().path("total_cents").asInt()).isZero();
        assertThat(api.post("/v1/worker/jobs/" + jobId + "/accept", worker("Lu"), null).status()).isEqualTo(409);
        assertThat(api.get("/v1/submissions?job_id=" + jobId, buyer).json().path("data")).hasSize(3);
    }

    @Test
    void aRejectionReopensAFilledJobAndTheLongPollWakesOnCompletion() throws Exception {
        WebhookReceiver receiver = new WebhookReceiver();
        Api.Reply endpoint = api.post("/v1/webhook_endpoints", buyer, "{\"url\":\"" + receiver.url()
                + "\",\"enabled_events\":[\"*\"],\"description\":\"story\"}");
        assertThat(endpoint.status()).as(endpoint.body()).isEqualTo(200);
        receiver.trust(endpoint.json().path("secret").asText());
        String jobId = job(1, "");
        String first = worker("Fay");
        String second = worker("Gus");
        String rejected = acceptAndUpload(first, jobId, SyntheticPhotos.jpeg(
                SyntheticPhotos.blurred(SyntheticPhotos.scene(201, 1600, 1200), 6), 0.9f));
        assertThat(awaitScored(rejected).path("status").asText()).isEqualTo("rejected");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                api.get("/v1/jobs/" + jobId, buyer).json().path("status").asText()).isEqualTo("open"));

        CompletableFuture<Api.Reply> longPoll = CompletableFuture.supplyAsync(
                () -> api.get("/v1/jobs/" + jobId, buyer, "Prefer", "wait=30"));
        String approved = acceptAndUpload(second, jobId, photo(202, 1600, 1200));
        assertThat(awaitScored(approved).path("status").asText()).isEqualTo("approved");
        Api.Reply woken = longPoll.get(40, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(woken.json().path("status").asText()).isIn("filled", "completed");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                api.get("/v1/jobs/" + jobId, buyer).json().path("status").asText()).isEqualTo("completed"));

        Api.Reply rated = api.post("/v1/jobs/" + jobId + "/rate", buyer, "{\"rating\":5,\"feedback\":\"Great\"}");
        assertThat(rated.status()).as(rated.body()).isEqualTo(200);
        assertThat(rated.json().path("buyer_rating").asInt()).isEqualTo(5);
        assertThat(api.get("/v1/worker/earnings", second).json().path("total_cents").asInt()).isEqualTo(50);
        assertThat(api.get("/v1/worker/earnings", first).json().path("total_cents").asInt()).isZero();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(receiver.accepted())
                .extracting(d -> d.event().path("type").asText())
                .contains("submission.scored", "submission.rejected", "submission.approved", "job.status_changed",
                        "job.completed"));
        receiver.close();
        assertThat(receiver.refused()).as("every delivery verifies with the Standard Webhooks library").isEmpty();
        List<WebhookReceiver.Delivery> deliveries = receiver.accepted();
        assertThat(deliveries).allSatisfy(d -> assertThat(d.webhookId()).isEqualTo(d.event().path("id").asText()));
        assertThat(deliveries).allSatisfy(d -> assertThat(api.conformance().checkWebhook(d.event()))
                .as("the delivery matches the description's webhook").isEmpty());
        JsonNode approvedEvent = deliveries.stream().map(WebhookReceiver.Delivery::event)
                .filter(e -> e.path("type").asText().equals("submission.scored")
                        && e.path("data").path("object").path("id").asText().equals(approved))
                .findFirst().orElseThrow();
        assertThat(approvedEvent.path("data").path("object").path("status").asText()).isEqualTo("approved");
        assertThat(approvedEvent.path("data").path("object").path("ai_star_rating").asInt()).isBetween(3, 5);
        assertThat(deliveries).anySatisfy(d -> {
            assertThat(d.event().path("type").asText()).isEqualTo("job.completed");
            assertThat(d.event().path("data").path("object").path("id").asText()).isEqualTo(jobId);
        });

        String eventId = approvedEvent.path("id").asText();
        assertThat(api.get("/v1/events/" + eventId, buyer).json().path("type").asText()).isEqualTo("submission.scored");
        assertThat(api.get("/v1/events/" + eventId, otherBuyer).status()).isEqualTo(404);
        assertThat(api.get("/v1/events", otherBuyer).json().path("data")).isEmpty();
        assertThat(api.get("/v1/webhook_endpoints", otherBuyer).json().path("data")).isEmpty();
        String endpointId = endpoint.json().path("id").asText();
        assertThat(api.get("/v1/webhook_endpoints/" + endpointId, otherBuyer).status()).isEqualTo(404);
        assertThat(api.get("/v1/webhook_endpoints/" + endpointId + "/deliveries", buyer).json().path("data"))
                .isNotEmpty();
    }
}
