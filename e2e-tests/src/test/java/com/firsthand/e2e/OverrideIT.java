package com.firsthand.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The buyer overrides the AI through the gateway ({@code POST /v1/submissions/{id}/override}), in both directions,
 * with the money, the slots, the files and the job's status checked, exactly once under retries and concurrent
 * overrides; the decision record; the worker told; the webhooks; another organisation's submission not found.
 */
@ExtendWith(LocalStack.class)
class OverrideIT {

    private static final int PRICE = 60;

    private final LocalStack stack = LocalStack.get();
    private final Api api = stack.api();
    private final ExecutorService concurrent = Executors.newFixedThreadPool(4);
    private Marketplace market;
    private String buyer;

    @BeforeEach
    void provision() throws Exception {
        market = new Marketplace(stack, "Override buyer", PRICE);
        buyer = market.buyer;
    }

    @AfterEach
    void stop() {
        market.close();
        concurrent.shutdownNow();
    }

    @Test
    void rejectingApprovedWorkTakesBackItsFileItsSlotAndItsPayoutOnceAndReopensTheCompletedJob() throws Exception {
        String jobId = market.job(2);
        String paid = market.worker("Ola");
        String other = market.worker("Pim");
        String submission = market.acceptAndUpload(paid, jobId, Marketplace.photo(501));
        assertThat(market.awaitScored(paid, submission).path("status").asText()).isEqualTo("approved");
        assertThat(market.awaitScored(other, market.acceptAndUpload(other, jobId, Marketplace.photo(502))).path("status").asText())
                .isEqualTo("approved");
        market.awaitJob(jobId, "completed", 2);
        String fileUrl = api.get("/v1/submissions/" + submission, buyer).json().path("file_url").asText();
        assertThat(api.download(fileUrl)).isNotEmpty();
        assertThat(market.earnings(paid).path("total_cents").asInt()).isEqualTo(PRICE);

        // Two overrides at once with different keys, and a retry of the first with its own key.
        String body = "{\"decision\":\"rejected\",\"reason\":\"Sharp, but it shows a parcel box, not a mailbox.\"}";
        String key = UUID.randomUUID().toString();
        List<CompletableFuture<Api.Reply>> racing = new ArrayList<>();
        racing.add(CompletableFuture.supplyAsync(() -> override(submission, body, key), concurrent));
        racing.add(CompletableFuture.supplyAsync(() -> override(submission, body, UUID.randomUUID().toString()),
                concurrent));
        List<Api.Reply> replies = racing.stream().map(CompletableFuture::join).toList();
        assertThat(replies).extracting(Api.Reply::status).containsExactlyInAnyOrder(200, 409);
        Api.Reply refused = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(refused.json().path("error").path("code").asText()).isIn("already_overridden",
                "override_not_a_change");
        Api.Reply retried = override(submission, body, key);
        assertThat(retried.status()).as(retried.body()).isEqualTo(replies.get(0).status());

        JsonNode overridden = api.get("/v1/submissions/" + submission, buyer).json();
        assertThat(overridden.path("status").asText()).isEqualTo("rejected");
        assertThat(overridden.path("file_url").isNull()).as("unpaid work is never linked").isTrue();
        assertThat(overridden.path("override").path("decision").asText()).isEqualTo("rejected");
        assertThat(overridden.path("override").path("previous_status").asText()).isEqualTo("approved");
        assertThat(overridden.path("override").path("reason").asText()).contains("parcel box");
        JsonNode files = api.get("/v1/jobs/" + jobId + "/files", buyer).json().path("data");
        assertThat(files).hasSize(1);
        assertThat(files.get(0).path("worker_id").asText()).isNotEqualTo(overridden.path("worker_id").asText());
        market.awaitJob(jobId, "in_progress", 1);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThatThrownBy(() -> api.download(fileUrl))
                .as("the file left the job folder").hasMessageContaining("answered"));

        JsonNode earned = market.earnings(paid);
        assertThat(earned.path("total_cents").asInt()).as("the payout reversed, once").isZero();
        assertThat(earned.path("approved_files").asInt()).isZero();
        JsonNode told = WorkerFeed.find(WorkerFeed.all(api, paid), "submission.overridden", submission);
        assertThat(told.path("data").path("payout_delta_cents").asInt()).isEqualTo(-PRICE);
        assertThat(told.path("data").path("object").path("override").path("reason").asText()).contains("parcel box");

        JsonNode decisions = api.get("/v1/submissions/" + submission + "/decisions", buyer).json().path("data");
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(0).path("decided_by").asText()).isEqualTo("scorer");
        assertThat(decisions.get(0).path("scorer").asText()).isEqualTo("local");
        assertThat(decisions.get(0).path("model").asText()).isEqualTo("local-rules");
        assertThat(decisions.get(0).path("rubric_version").asText()).isNotBlank();
        assertThat(decisions.get(0).path("outcome").asText()).isEqualTo("approved");
        assertThat(decisions.get(0).path("stars").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(decisions.get(1).path("decided_by").asText()).isEqualTo("buyer");
        assertThat(decisions.get(1).path("outcome").asText()).isEqualTo("rejected");
        assertThat(decisions.get(1).path("api_key_id").asText()).startsWith("key_");
        assertThat(decisions.get(1).path("sequence").asInt()).isEqualTo(2);

        market.awaitWebhooks(submission, "submission.overridden", "submission.rejected");
        String newcomer = market.worker("Quin");
        assertThat(market.awaitScored(newcomer, market.acceptAndUpload(newcomer, jobId, Marketplace.photo(503))).path("status").asText())
                .as("the freed slot takes new work").isEqualTo("approved");
        market.awaitJob(jobId, "completed", 2);

        JsonNode calibration = api.get("/v1/jobs/" + jobId + "/calibration", buyer).json();
        assertThat(calibration.path("decisions").asInt()).as(calibration.toString()).isEqualTo(3);
        assertThat(calibration.path("overturned").asInt()).isEqualTo(1);
        assertThat(calibration.path("confusion_matrix").path("ai_approved_buyer_approved").asInt()).isEqualTo(2);
        assertThat(calibration.path("confusion_matrix").path("ai_approved_buyer_rejected").asInt()).isEqualTo(1);
        assertThat(calibration.path("cohens_kappa").asDouble()).as("the AI approved all: no better than chance")
                .isEqualTo(0.0);
    }

    @Test
    void approvingRejectedWorkDeliversAndPaysItWithinFilesNeeded() throws Exception {
        String jobId = market.job(1);
        String first = market.worker("Rae");
        String second = market.worker("Sol");
        String rescued = market.acceptAndUpload(first, jobId, Marketplace.blurred(511));
        assertThat(market.awaitScored(first, rescued).path("status").asText()).isEqualTo("rejected");
        String alsoRejected = market.acceptAndUpload(second, jobId, Marketplace.blurred(512));
        assertThat(market.awaitScored(second, alsoRejected).path("status").asText()).isEqualTo("rejected");

        String otherBuyer = market.buyer("Another organisation");
        String body = "{\"decision\":\"approved\",\"reason\":\"Soft focus, but the mailbox is clearly there.\"}";
        assertThat(override(rescued, body, UUID.randomUUID().toString(), otherBuyer).status()).isEqualTo(404);
        assertThat(api.get("/v1/submissions/" + rescued + "/decisions", otherBuyer).status()).isEqualTo(404);
        assertThat(Marketplace.code(override(rescued, "{\"decision\":\"maybe\",\"reason\":\"x\"}")))
                .isEqualTo("parameter_invalid");
        assertThat(override(rescued, "{\"decision\":\"approved\"}").status()).isEqualTo(400);
        assertThat(override(rescued, "{\"decision\":\"approved\",\"reason\":\"x\",\"stars\":5}").status())
                .isEqualTo(400);

        Api.Reply approved = override(rescued, body);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asText()).isEqualTo("approved");
        assertThat(approved.json().path("ai_star_rating").asInt()).as("the AI's stars stay").isLessThan(3);
        assertThat(api.download(approved.json().path("file_url").asText())).isNotEmpty();
        JsonNode files = api.get("/v1/jobs/" + jobId + "/files", buyer).json().path("data");
        assertThat(files).as("listed by default: the buyer's approval meets the threshold").hasSize(1);
        assertThat(market.earnings(first).path("total_cents").asInt()).isEqualTo(PRICE);
        market.awaitJob(jobId, "completed", 1);
        assertThat(WorkerFeed.find(WorkerFeed.all(api, first), "submission.overridden", rescued).path("data")
                .path("payout_delta_cents").asInt()).isEqualTo(PRICE);
        market.awaitWebhooks(rescued, "submission.overridden", "submission.approved");

        assertThat(Marketplace.code(override(alsoRejected, body))).as("files_needed is 1").isEqualTo("job_full");
        assertThat(Marketplace.code(override(rescued, "{\"decision\":\"rejected\",\"reason\":\"changed my mind\"}")))
                .isEqualTo("already_overridden");
        assertThat(market.earnings(second).path("total_cents").asInt()).isZero();

        // Two AI rejections, one overturned: agreement 0.5, and by chance 0 x 0.5 + 1 x 0.5 = 0.5, so kappa 0.
        JsonNode calibration = api.get("/v1/jobs/" + jobId + "/calibration", buyer).json();
        assertThat(calibration.path("decisions").asInt()).as(calibration.toString()).isEqualTo(2);
        assertThat(calibration.path("confusion_matrix").path("ai_rejected_buyer_approved").asInt()).isEqualTo(1);
        assertThat(calibration.path("confusion_matrix").path("ai_rejected_buyer_rejected").asInt()).isEqualTo(1);
        assertThat(calibration.path("agreement_rate").asDouble()).isEqualTo(0.5);
        assertThat(calibration.path("cohens_kappa").asDouble()).isEqualTo(0.0);
        JsonNode scorer = calibration.path("by_scorer").get(0);
        assertThat(scorer.path("scorer").asText()).isEqualTo("local");
        assertThat(scorer.path("overturn_rate").asDouble()).isEqualTo(0.5);
        assertThat(api.get("/v1/submissions/calibration", buyer).json().path("decisions").asInt())
                .as("organisation-wide: this organisation has only this job").isEqualTo(2);
        assertThat(api.get("/v1/jobs/" + jobId + "/calibration", otherBuyer).status()).isEqualTo(404);
    }

    private Api.Reply override(String submission, String body) {
        return override(submission, body, UUID.randomUUID().toString());
    }

    private Api.Reply override(String submission, String body, String key) {
        return override(submission, body, key, buyer);
    }

    private Api.Reply override(String submission, String body, String key, String apiKey) {
        return api.post("/v1/submissions/" + submission + "/override", apiKey, body, key);
    }
}
