package com.firsthand.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A worker appeals a rejection through the gateway ({@code POST /v1/worker/submissions/{id}/appeal}): scored again
 * by the appeal scorer, upheld (approved, delivered, paid) when it gives 3 stars or more, else left to the buyer,
 * who decides with an override; the appeal object, the decision record, the worker's events and the webhooks.
 */
@ExtendWith(LocalStack.class)
class AppealIT {

    private static final int PRICE = 45;

    private final LocalStack stack = LocalStack.get();
    private final Api api = stack.api();
    private Marketplace market;
    private String buyer;

    @BeforeEach
    void provision() throws Exception {
        market = new Marketplace(stack, "Appeal buyer", PRICE);
        buyer = market.buyer;
    }

    @AfterEach
    void stop() {
        market.close();
    }

    @Test
    void anAppealOfADisputedFactIsScoredAgainAndUpheldByTheAppealScorer() throws Exception {
        String jobId = market.job(2);
        String worker = market.worker("Tam");
        byte[] photo = Marketplace.photo(601);
        assertThat(market.awaitScored(worker, market.acceptAndUpload(worker, jobId, photo)).path("status").asText())
                .isEqualTo("approved");
        String duplicate = market.acceptAndUpload(worker, jobId, photo);
        JsonNode rejected = market.awaitScored(worker, duplicate);
        assertThat(rejected.path("status").asText()).isEqualTo("rejected");
        assertThat(rejected.path("ai_reasoning").asText()).contains("identical");

        Api.Reply withoutFact = appeal(worker, duplicate, "{\"message\":\"Please look again\"}");
        assertThat(withoutFact.status()).as(withoutFact.body()).isEqualTo(400);
        assertThat(withoutFact.json().path("error").path("param").asText()).isEqualTo("disputed_fact");
        assertThat(appeal(market.worker("Uma"), duplicate, "{\"message\":\"mine\"}").status())
                .as("another worker's submission").isEqualTo(404);
        assertThat(appeal(buyer, duplicate, "{\"message\":\"x\"}").status()).isEqualTo(403);

        String key = UUID.randomUUID().toString();
        String body = "{\"message\":\"This is my neighbour's mailbox, the same model as mine\","
                + "\"disputed_fact\":\"The same model of mailbox, photographed at another house\"}";
        String traceId = TracingIT.hex(16);
        Api.Reply filed = api.post("/v1/worker/submissions/" + duplicate + "/appeal", worker, body, key,
                Map.of("traceparent", "00-" + traceId + "-" + TracingIT.hex(8) + "-01"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        assertThat(filed.json().path("appeal").path("status").asText()).isEqualTo("pending");
        assertThat(api.post("/v1/worker/submissions/" + duplicate + "/appeal", worker, body, key).status())
                .as("a retry with its key replays").isEqualTo(200);

        JsonNode upheld = awaitAppeal(worker, duplicate, "upheld");
        assertThat(upheld.path("status").asText()).isEqualTo("approved");
        assertThat(upheld.path("appeal").path("rescore_stars").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(upheld.path("appeal").path("disputed_fact").asText()).contains("another house");
        assertThat(market.earnings(worker).path("total_cents").asInt()).isEqualTo(2 * PRICE);
        market.awaitJob(jobId, "completed", 2);
        assertThat(api.download(api.get("/v1/submissions/" + duplicate, buyer).json().path("file_url").asText()))
                .isNotEmpty();

        TracingIT.awaitSpans(stack.collector(), traceId, List.of(
                new TracingIT.Hop("submissions-service", "submission.appealed publish"),
                new TracingIT.Hop("scoring-service", "score appeal"),
                new TracingIT.Hop("scoring-service", "submission.scored publish")));

        JsonNode decisions = api.get("/v1/submissions/" + duplicate + "/decisions", buyer).json().path("data");
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(0).path("decided_by").asText()).isEqualTo("pre_scoring");
        assertThat(decisions.get(1).path("decided_by").asText()).isEqualTo("appeal_scorer");
        assertThat(decisions.get(1).path("model").asText()).isEqualTo("local-rules");
        assertThat(decisions.get(1).path("outcome").asText()).isEqualTo("approved");
        JsonNode told = WorkerFeed.find(WorkerFeed.all(api, worker), "submission.appeal_updated", duplicate);
        assertThat(told.path("data").path("payout_delta_cents").asInt()).isEqualTo(PRICE);
        market.awaitWebhooks(duplicate, "submission.appeal_updated", "submission.approved");
        assertThat(Marketplace.code(appeal(worker, duplicate, body))).isEqualTo("submission_not_rejected");
    }

    @Test
    void anAppealTheAppealScorerDoesNotUpholdWaitsForTheBuyerWhoDecides() {
        String jobId = market.job(1);
        String first = market.worker("Val");
        String second = market.worker("Wyn");
        String rescued = market.acceptAndUpload(first, jobId, Marketplace.blurred(611));
        assertThat(market.awaitScored(first, rescued).path("status").asText()).isEqualTo("rejected");
        String confirmed = market.acceptAndUpload(second, jobId, Marketplace.blurred(612));
        assertThat(market.awaitScored(second, confirmed).path("status").asText()).isEqualTo("rejected");

        String message = "{\"message\":\"The mailbox is readable; the blur is the hedge behind it.\"}";
        assertThat(appeal(first, rescued, message).status()).isEqualTo(200);
        assertThat(appeal(second, confirmed, message).status()).isEqualTo(200);
        JsonNode waiting = awaitRescored(first, rescued);
        assertThat(waiting.path("appeal").path("status").asText()).as("left to the buyer").isEqualTo("pending");
        assertThat(waiting.path("appeal").path("rescore_stars").asInt()).isLessThan(3);
        assertThat(waiting.path("status").asText()).isEqualTo("rejected");
        market.awaitWebhooks(rescued, "submission.appeal_updated");
        awaitRescored(second, confirmed);

        Api.Reply approved = override(rescued, "{\"decision\":\"approved\",\"reason\":\"Readable, accepted\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("appeal").path("status").asText()).isEqualTo("decided_by_buyer");
        assertThat(approved.json().path("status").asText()).isEqualTo("approved");
        assertThat(market.earnings(first).path("total_cents").asInt()).isEqualTo(PRICE);
        market.awaitJob(jobId, "completed", 1);

        Api.Reply kept = override(confirmed, "{\"decision\":\"rejected\",\"reason\":\"Too blurred to use\"}");
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(kept.json().path("status").asText()).isEqualTo("rejected");
        assertThat(kept.json().path("appeal").path("status").asText()).isEqualTo("decided_by_buyer");
        assertThat(market.earnings(second).path("total_cents").asInt()).isZero();
        JsonNode decisions = api.get("/v1/submissions/" + confirmed + "/decisions", buyer).json().path("data");
        assertThat(decisions).extracting(d -> d.path("decided_by").asText())
                .containsExactly("scorer", "appeal_scorer", "buyer");
        assertThat(Marketplace.code(appeal(second, confirmed, message))).isEqualTo("decided_by_buyer");
    }

    private Api.Reply appeal(String worker, String submission, String body) {
        return api.post("/v1/worker/submissions/" + submission + "/appeal", worker, body);
    }

    private JsonNode awaitAppeal(String worker, String submission, String status) {
        JsonNode[] view = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            view[0] = api.get("/v1/worker/submissions/" + submission, worker).json();
            return status.equals(view[0].path("appeal").path("status").asText());
        });
        return view[0];
    }

    private JsonNode awaitRescored(String worker, String submission) {
        JsonNode[] view = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            view[0] = api.get("/v1/worker/submissions/" + submission, worker).json();
            return view[0].path("appeal").path("rescore_stars").isInt();
        });
        return view[0];
    }

    private Api.Reply override(String submission, String body) {
        return api.post("/v1/submissions/" + submission + "/override", buyer, body);
    }
}
