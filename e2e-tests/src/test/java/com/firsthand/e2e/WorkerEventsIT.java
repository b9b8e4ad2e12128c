package com.firsthand.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.firsthand.common.testing.SyntheticPhotos;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The worker's side through the gateway: a worker long-polling its events ({@code GET /v1/worker/events?after=...}
 * with {@code Prefer: wait=30}) is woken within seconds by a buyer's cancel, by a score and by a held slot about to
 * lapse, each event carrying the object as it was then; its assignments as a resource; the retry lifecycle
 * rejected → retry_pending → rejected, linked to the new attempt or closed by the job's end; and nothing of one
 * worker visible to another or to a buyer key.
 */
@ExtendWith(LocalStack.class)
class WorkerEventsIT {

    static final int PRICE = 75;
    /** Well under the 30 s asked for: a long-poll answered this soon was woken by the event, not by its timeout. */
    static final Duration WOKEN_WITHIN = Duration.ofSeconds(10);

    private final LocalStack stack = LocalStack.get();
    private final Api api = stack.api();
    private final ExecutorService polls = Executors.newCachedThreadPool();
    private String admin;
    private String buyer;

    @BeforeEach
    void provision() throws Exception {
        admin = stack.adminToken();
        Api.Reply reply = api.post("/admin/organizations", admin, "{\"name\":\"Worker events buyer\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        buyer = reply.json().path("api_key").path("secret").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/v1/jobs", buyer).status() == 200
                && api.get("/v1/submissions", buyer).status() == 200);
    }

    @AfterEach
    void stopPolls() {
        polls.shutdownNow();
    }

    @Test
    void aCancelWakesEveryWorkerOnTheJobAndAHeldSlotIsAnnouncedBeforeItLapses() throws Exception {
        String jobId = job(3);
        String holder = worker("Holder");
        String pender = worker("Pender");

        // The holder's first attempt is rejected; accepting the job again holds a slot to retry it.
        String first = upload(holder, jobId, accept(holder, jobId).path("id").asText(), blurred(401));
        assertThat(awaitScored(holder, first).path("status").asText()).isEqualTo("rejected");
        LongPoll notice = longPoll(holder);
        long accepting = System.nanoTime();
        JsonNode retryHold = accept(holder, jobId);
        String retryHoldId = retryHold.path("id").asText();
        assertThat(retryHold.path("status").asText()).isEqualTo("active");
        assertThat(api.get("/v1/worker/submissions/" + first, holder).json().path("status").asText())
                .isEqualTo("retry_pending");
        assertThat(api.get("/v1/submissions/" + first, buyer).json().path("status").asText())
                .as("the buyer's view agrees").isEqualTo("retry_pending");

        List<JsonNode> announced = woken(notice, accepting,
                events -> WorkerFeed.find(events, "assignment.expiring", retryHoldId) != null);
        JsonNode expiring = WorkerFeed.find(announced, "assignment.expiring", retryHoldId);
        assertThat(expiring.path("object").asText()).isEqualTo("worker_event");
        assertThat(expiring.path("id").asText()).startsWith("wev_");
        JsonNode expiringHold = expiring.path("data").path("object");
        assertThat(expiringHold.path("object").asText()).isEqualTo("assignment");
        assertThat(expiringHold.path("status").asText()).as("still held when announced").isEqualTo("active");
        assertThat(expiringHold.path("job_id").asText()).isEqualTo(jobId);
        // The accept's answer may carry nanoseconds; the stored value has microseconds.
        Instant expiresAt = Instant.parse(retryHold.path("expires_at").asText());
        assertThat(Instant.parse(expiringHold.path("expires_at").asText())).isCloseTo(expiresAt,
                within(1, ChronoUnit.MICROS));
        assertThat(Instant.parse(expiring.path("created_at").asText()))
                .as("announced no sooner than the notice before it lapses")
                .isAfterOrEqualTo(expiresAt.minus(LocalStack.EXPIRING_NOTICE)).isBefore(expiresAt);

        String pending;
        String pendingHold;
        List<JsonNode> toHolder;
        List<JsonNode> toPender;
        // With the scorer stopped, an upload waits for its score while the buyer cancels.
        try (AutoCloseable frozen = LocalStack.freeze(stack.service("scoring-service"))) {
            pendingHold = accept(pender, jobId).path("id").asText();
            pending = upload(pender, jobId, pendingHold, photo(402));
            LongPoll holderPoll = longPoll(holder);
            LongPoll penderPoll = longPoll(pender);
            long cancelling = System.nanoTime();
            Api.Reply cancelled = api.post("/v1/jobs/" + jobId + "/cancel", buyer, null);
            assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

            toHolder = woken(holderPoll, cancelling, events -> WorkerFeed.find(events, "job.cancelled", jobId) != null
                    && WorkerFeed.find(events, "assignment.released", retryHoldId) != null);
            toPender = woken(penderPoll, cancelling, events -> WorkerFeed.find(events, "job.cancelled", jobId) != null
                    && WorkerFeed.find(events, "submission.rejected", pending) != null);
        }

        JsonNode holderCancelled = WorkerFeed.find(toHolder, "job.cancelled", jobId);
        assertThat(holderCancelled.path("data").path("object").path("status").asText()).isEqualTo("cancelled");
        JsonNode released = WorkerFeed.find(toHolder, "assignment.released", retryHoldId);
        assertThat(released.path("data").path("object").path("status").asText()).isEqualTo("released");
        assertThat(released.path("data").path("object").path("reason").asText()).isEqualTo("job_cancelled");
        assertThat(released.path("data").path("object").path("submission_id").isNull()).isTrue();
        assertThat(toHolder.indexOf(released)).as("newest first: the release follows the cancel")
                .isLessThan(toHolder.indexOf(holderCancelled));

        JsonNode penderCancelled = WorkerFeed.find(toPender, "job.cancelled", jobId);
        assertThat(penderCancelled.path("data").path("object").path("status").asText()).isEqualTo("cancelled");
        JsonNode rejectedByCancel = WorkerFeed.find(toPender, "submission.rejected", pending);
        assertThat(rejectedByCancel.path("data").path("object").path("status").asText()).isEqualTo("rejected");
        assertThat(rejectedByCancel.path("data").path("object").path("ai_reasoning").asText()).contains("cancelled");
        assertThat(rejectedByCancel.path("data").path("retry_allowed").isBoolean()).isTrue();
        assertThat(rejectedByCancel.path("data").path("retry_allowed").asBoolean()).isFalse();
        assertThat(toPender.indexOf(rejectedByCancel)).isLessThan(toPender.indexOf(penderCancelled));
        assertThat(WorkerFeed.all(api, pender)).extracting(e -> e.path("type").asText())
                .as("the pender's slot was used for its upload: nothing to release")
                .doesNotContain("assignment.released");

        // The retry slot ended with the job: the first attempt is rejected again, with no new attempt named.
        for (JsonNode view : List.of(api.get("/v1/worker/submissions/" + first, holder).json(),
                api.get("/v1/submissions/" + first, buyer).json())) {
            assertThat(view.path("status").asText()).isEqualTo("rejected");
            assertThat(view.path("retry_submission_id").isNull()).as(view.toString()).isTrue();
        }
        List<JsonNode> holds = WorkerFeed.pages(api, holder, "/v1/worker/assignments?job_id=" + jobId);
        assertThat(holds).as("newest first").hasSize(2);
        assertThat(holds.get(0).path("id").asText()).isEqualTo(retryHoldId);
        assertThat(holds.get(0).path("status").asText()).isEqualTo("released");
        assertThat(holds.get(0).path("reason").asText()).isEqualTo("job_cancelled");
        assertThat(holds.get(0).path("submission_id").isNull()).isTrue();
        assertThat(holds.get(1).path("status").asText()).isEqualTo("submitted");
        assertThat(holds.get(1).path("submission_id").asText()).isEqualTo(first);
        assertThat(WorkerFeed.pages(api, holder, "/v1/worker/assignments?status=released"))
                .extracting(h -> h.path("id").asText()).containsExactly(retryHoldId);
        assertThat(WorkerFeed.pages(api, holder, "/v1/worker/assignments?status=active&job_id=" + jobId)).isEmpty();
        JsonNode pendersHold = api.get("/v1/worker/assignments/" + pendingHold, pender).json();
        assertThat(pendersHold.path("status").asText()).isEqualTo("submitted");
        assertThat(pendersHold.path("submission_id").asText()).isEqualTo(pending);

        // Each worker sees its own events and slots only; a buyer key is the wrong kind of credential.
        String holdersEvent = released.path("id").asText();
        assertThat(api.get("/v1/worker/events/" + holdersEvent, holder).json()).isEqualTo(released);
        assertThat(api.get("/v1/worker/events/" + holdersEvent, pender).status()).isEqualTo(404);
        assertThat(api.get("/v1/worker/assignments/" + retryHoldId, pender).status()).isEqualTo(404);
        Api.Reply foreignAfter = api.get("/v1/worker/events?after=" + holdersEvent, pender);
        assertThat(foreignAfter.status()).as(foreignAfter.body()).isEqualTo(400);
        assertThat(foreignAfter.json().path("error").path("param").asText()).isEqualTo("after");
        assertThat(api.get("/v1/worker/events?after=wev_nonsense", pender).status()).isEqualTo(400);
        assertThat(api.get("/v1/worker/events", buyer).status()).isEqualTo(403);
        assertThat(api.get("/v1/worker/events/" + holdersEvent, buyer).status()).isEqualTo(403);
        assertThat(api.get("/v1/worker/assignments", buyer).status()).isEqualTo(403);
    }

    @Test
    void scoresWakeTheWorkerAndARetryIsLinkedToItsNewAttempt() throws Exception {
        String jobId = job(3);
        String worker = worker("Retrier");

        String firstHold = accept(worker, jobId).path("id").asText();
        LongPoll poll = longPoll(worker);
        long uploading = System.nanoTime();
        String first = upload(worker, jobId, firstHold, blurred(501));
        JsonNode rejected = WorkerFeed.find(woken(poll, uploading,
                events -> WorkerFeed.find(events, "submission.rejected", first) != null), "submission.rejected", first);
        JsonNode rejectedSubmission = rejected.path("data").path("object");
        assertThat(rejectedSubmission.path("object").asText()).isEqualTo("submission");
        assertThat(rejectedSubmission.path("status").asText()).isEqualTo("rejected");
        assertThat(rejectedSubmission.path("ai_star_rating").asInt()).isBetween(1, 2);
        assertThat(rejectedSubmission.path("ai_reasoning").asText()).startsWith("Blurry");
        assertThat(rejected.path("data").path("retry_allowed").asBoolean()).as("the job still takes work").isTrue();

        String retryHold = accept(worker, jobId).path("id").asText();
        assertThat(api.get("/v1/worker/submissions/" + first, worker).json().path("status").asText())
                .isEqualTo("retry_pending");
        assertThat(api.get("/v1/submissions/" + first, buyer).json().path("status").asText())
                .isEqualTo("retry_pending");
        assertThat(WorkerFeed.pages(api, worker, "/v1/worker/assignments?status=active"))
                .extracting(h -> h.path("id").asText()).containsExactly(retryHold);

        LongPoll second = longPoll(worker);
        uploading = System.nanoTime();
        String attempt = upload(worker, jobId, retryHold, photo(502));
        for (JsonNode view : List.of(api.get("/v1/worker/submissions/" + first, worker).json(),
                api.get("/v1/submissions/" + first, buyer).json())) {
            assertThat(view.path("status").asText()).as(view.toString()).isEqualTo("rejected");
            assertThat(view.path("retry_submission_id").asText()).as(view.toString()).isEqualTo(attempt);
        }
        List<JsonNode> scored = woken(second, uploading,
                events -> WorkerFeed.find(events, "submission.approved", attempt) != null);
        JsonNode approved = WorkerFeed.find(scored, "submission.approved", attempt);
        assertThat(approved.path("data").path("payout_cents").asInt()).isEqualTo(PRICE);
        assertThat(approved.path("data").path("object").path("status").asText()).isEqualTo("approved");
        assertThat(approved.path("data").path("object").path("ai_star_rating").asInt()).isBetween(3, 5);
        assertThat(api.get("/v1/worker/events/" + approved.path("id").asText(), worker).json()).isEqualTo(approved);
        assertThat(api.get("/v1/worker/earnings", worker).json().path("total_cents").asInt()).isEqualTo(PRICE);

        List<JsonNode> holds = WorkerFeed.pages(api, worker, "/v1/worker/assignments?status=submitted&job_id=" + jobId);
        assertThat(holds).extracting(h -> h.path("id").asText()).containsExactly(retryHold, firstHold);
        assertThat(holds).extracting(h -> h.path("submission_id").asText()).containsExactly(attempt, first);
        JsonNode one = api.get("/v1/worker/assignments/" + retryHold, worker).json();
        assertThat(one.path("object").asText()).isEqualTo("assignment");
        assertThat(one.path("status").asText()).isEqualTo("submitted");
        assertThat(one.path("submission_id").asText()).isEqualTo(attempt);
        assertThat(one.path("job_id").asText()).isEqualTo(jobId);
        assertThat(WorkerFeed.pages(api, worker, "/v1/worker/assignments?status=active")).isEmpty();

        // Newest first, the same page by page (limit=1, next_cursor) as in one page.
        List<JsonNode> feed = WorkerFeed.pages(api, worker, "/v1/worker/events?limit=1");
        List<String> inOnePage = WorkerFeed.all(api, worker).stream().map(e -> e.path("id").asText()).toList();
        assertThat(feed).extracting(e -> e.path("id").asText()).containsExactlyElementsOf(inOnePage)
                .doesNotHaveDuplicates();
        assertThat(feed.get(0)).isEqualTo(approved);
        assertThat(feed).extracting(WorkerFeed::key).containsSubsequence(
                "submission.approved:" + attempt, "submission.rejected:" + first);
    }

    /** A GET /v1/worker/events long-poll in flight, with the {@code after} it was sent with (null: none). */
    private record LongPoll(String worker, String after, CompletableFuture<Api.Reply> reply) {
    }

    /**
     * Starts a long-poll for events after the worker's newest and returns once submissions-service holds it parked
     * (its waiting gauge went up), so that what follows happens while it waits.
     */
    private LongPoll longPoll(String worker) throws Exception {
        String after = WorkerFeed.newestId(api, worker);
        double waiting = stack.workerEventPollsWaiting();
        CompletableFuture<Api.Reply> reply = CompletableFuture.supplyAsync(() -> api.get("/v1/worker/events"
                + (after == null ? "" : "?after=" + after), worker, "Prefer", "wait=30"), polls);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> reply.isDone() || stack.workerEventPollsWaiting() > waiting);
        assertThat(reply.isDone()).as("answered before it waited: %s", reply.getNow(null)).isFalse();
        return new LongPoll(worker, after, reply);
    }

    /**
     * What woke the long-poll, and what came after it (newest first) until {@code complete} holds, all within
     * {@link #WOKEN_WITHIN} of {@code triggeredAt} (System.nanoTime before the change was asked for). Another event
     * may wake it first (a held slot announced as expiring): the worker then polls again after it, as an app would.
     */
    private List<JsonNode> woken(LongPoll poll, long triggeredAt, Predicate<List<JsonNode>> complete)
            throws Exception {
        Api.Reply reply = poll.reply().get(40, TimeUnit.SECONDS);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("Preference-Applied")).as("the request waited").isEqualTo("wait=30");
        List<JsonNode> events = new ArrayList<>();
        reply.json().path("data").forEach(events::add);
        while (!complete.test(events) && System.nanoTime() - triggeredAt < WOKEN_WITHIN.toNanos()) {
            String after = events.isEmpty() ? poll.after() : events.get(0).path("id").asText();
            Api.Reply next = api.get("/v1/worker/events" + (after == null ? "" : "?after=" + after), poll.worker(),
                    "Prefer", "wait=10");
            assertThat(next.status()).as(next.body()).isEqualTo(200);
            List<JsonNode> newer = new ArrayList<>();
            next.json().path("data").forEach(newer::add);
            events.addAll(0, newer);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - triggeredAt);
        assertThat(complete.test(events)).as("after %s ms: %s", elapsed.toMillis(), events).isTrue();
        assertThat(elapsed).as("woken by the event, long before the wait ran out").isLessThan(WOKEN_WITHIN);
        assertThat(events).extracting(e -> e.path("id").asText()).doesNotHaveDuplicates();
        return events;
    }

    private String worker(String name) {
        Api.Reply reply = api.post("/admin/workers", admin, "{\"name\":\"" + name + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String token = reply.json().path("token").path("secret").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/v1/worker/events", token).status() == 200);
        return token;
    }

    private String job(int filesNeeded) {
        Api.Reply reply = api.post("/v1/jobs", buyer, "{\"type\":\"data_collection\",\"description\":\"Residential "
                + "mailboxes, front view, in daylight\",\"files_needed\":" + filesNeeded + ",\"accepted_formats\":"
                + "[\"image/jpeg\"],\"price_per_file_cents\":" + PRICE + "}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().path("id").asText();
    }

    /** Holds a slot (retrying while the new job reaches submissions-service's replica); returns the assignment. */
    private JsonNode accept(String worker, String jobId) {
        Api.Reply[] accepted = new Api.Reply[1];
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            accepted[0] = api.post("/v1/worker/jobs/" + jobId + "/accept", worker, null);
            assertThat(accepted[0].status()).as(accepted[0].body()).isEqualTo(200);
        });
        JsonNode assignment = accepted[0].json();
        assertThat(assignment.path("object").asText()).isEqualTo("assignment");
        assertThat(assignment.path("id").asText()).startsWith("asg_");
        return assignment;
    }

    /** Uploads with the held slot; returns the submission id, after checking the slot now names it. */
    private String upload(String worker, String jobId, String holdId, byte[] photo) {
        Api.Reply uploaded = api.upload("/v1/worker/jobs/" + jobId + "/submissions", worker, "photo.jpg",
                "image/jpeg", photo);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        assertThat(uploaded.json().path("status").asText()).isEqualTo("pending_score");
        String submission = uploaded.json().path("id").asText();
        JsonNode hold = api.get("/v1/worker/assignments/" + holdId, worker).json();
        assertThat(hold.path("status").asText()).as(hold.toString()).isEqualTo("submitted");
        assertThat(hold.path("submission_id").asText()).isEqualTo(submission);
        return submission;
    }

    private JsonNode awaitScored(String worker, String submissionId) {
        JsonNode[] scored = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Api.Reply reply = api.get("/v1/worker/submissions/" + submissionId, worker);
            scored[0] = reply.json();
            return reply.status() == 200 && !"pending_score".equals(scored[0].path("status").asText());
        });
        return scored[0];
    }

    static byte[] photo(long seed) {
        return SyntheticPhotos.jpeg(SyntheticPhotos.scene(seed, 1600, 1200), 0.9f);
    }

    static byte[] blurred(long seed) {
        return SyntheticPhotos.jpeg(SyntheticPhotos.blurred(SyntheticPhotos.scene(seed, 1600, 1200), 6), 0.9f);
    }
}
