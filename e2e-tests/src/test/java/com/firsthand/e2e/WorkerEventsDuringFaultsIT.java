package com.firsthand.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.firsthand.common.testing.SyntheticPhotos;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Worker events through a kill -9 of submissions-service in the middle of a burst: several workers each have an
 * upload waiting for its score and a slot held on several jobs; the scorer is let go while the buyer cancels half
 * the jobs, submissions-service is killed while the scores and cancels are being applied (one cancel arrives while
 * it is down), and started again by the launcher. Afterwards each worker's feed holds every event it is owed
 * exactly once (by id and by type and object), in order, and a worker app following it with {@code after} and
 * {@code Prefer: wait} through the crash received each of them once.
 */
@ExtendWith(LocalStack.class)
class WorkerEventsDuringFaultsIT {

    static final int WORKERS = 4;
    static final int JOBS = 4;
    /** Jobs 0 and 1 are cancelled (0 before the kill, 1 while submissions-service is down); 2 and 3 stay open. */
    static final int CANCELLED = 2;
    static final int PRICE = 50;

    private final LocalStack stack = LocalStack.get();
    private final Api api = stack.api();
    private final List<String> workers = new ArrayList<>();
    private final List<String> jobs = new ArrayList<>();
    /** [worker][job]: the upload waiting for its score, the slot it used, and the slot held besides. */
    private final String[][] submissions = new String[WORKERS][JOBS];
    private final String[][] usedSlots = new String[WORKERS][JOBS];
    private final String[][] holds = new String[WORKERS][JOBS];
    private final List<Follower> followers = new ArrayList<>();
    private String buyer;

    @Test
    void everyWorkerGetsEachOfItsEventsOnceThroughAKillOfSubmissionsService() throws Exception {
        String admin = stack.adminToken();
        buyer = api.post("/admin/organizations", admin, "{\"name\":\"Worker events crash\"}").json()
                .path("api_key").path("secret").asText();
        for (int w = 0; w < WORKERS; w++) {
            workers.add(api.post("/admin/workers", admin, "{\"name\":\"feed-" + w + "\"}").json()
                    .path("token").path("secret").asText());
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/v1/jobs", buyer).status() == 200
                && workers.stream().allMatch(w -> api.get("/v1/worker/events", w).status() == 200));
        for (int j = 0; j < JOBS; j++) {
            Api.Reply job = api.post("/v1/jobs", buyer, "{\"type\":\"data_collection\",\"description\":\"Feed crash "
                    + j + "\",\"files_needed\":10,\"accepted_formats\":[\"image/jpeg\"],\"price_per_file_cents\":"
                    + PRICE + "}");
            assertThat(job.status()).as(job.body()).isEqualTo(200);
            jobs.add(job.json().path("id").asText());
        }
        try {
            followThroughACrash();
        } finally {
            // No long-poll of this test may outlive it: the next tests count the parked ones.
            Follower.halt(followers);
            long halted = System.nanoTime();
            await().atMost(Duration.ofSeconds(40)).ignoreExceptions()
                    .until(() -> stack.workerEventPollsWaiting() == 0);
            System.out.printf("WorkerEventsDuringFaultsIT: no long-poll parked %d ms after the followers stopped%n",
                    (System.nanoTime() - halted) / 1_000_000);
        }
    }

    private void followThroughACrash() throws Exception {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        AutoCloseable frozen = LocalStack.freeze(stack.service("scoring-service"));
        try {
            List<Future<?>> setup = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                setup.add(pool.submit(() -> {
                    for (int j = 0; j < JOBS; j++) {
                        usedSlots[worker][j] = accept(workers.get(worker), jobs.get(j));
                        byte[] photo = SyntheticPhotos.jpeg(SyntheticPhotos.scene(90_000L + worker * 100L + j, 800,
                                600), 0.85f);
                        Api.Reply uploaded = api.upload("/v1/worker/jobs/" + jobs.get(j) + "/submissions",
                                workers.get(worker), "p.jpg", "image/jpeg", photo);
                        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
                        submissions[worker][j] = uploaded.json().path("id").asText();
                        holds[worker][j] = accept(workers.get(worker), jobs.get(j));
                    }
                    return null;
                }));
            }
            for (Future<?> done : setup) {
                done.get(2, TimeUnit.MINUTES);
            }
            workers.forEach(token -> followers.add(Follower.start(api, token)));
            Api.Reply cancelled = api.post("/v1/jobs/" + jobs.get(0) + "/cancel", buyer, null);
            assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        } finally {
            pool.shutdown();
            frozen.close();
        }

        long setUp = System.nanoTime();
        // The cancel and the scores of every upload are on their way: kill submissions-service once workers were
        // told of a few scores (the cancel is usually applied by then; most scores are not).
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> followers.stream()
                .flatMap(f -> f.received().stream()).filter(e -> "submission.approved".equals(type(e))).count() >= 4);
        stack.kill("submissions-service");
        long toldBeforeKill = followers.stream().flatMap(f -> f.received().stream())
                .filter(e -> !"assignment.expiring".equals(type(e))).count();
        Api.Reply cancelledWhileDown = api.post("/v1/jobs/" + jobs.get(1) + "/cancel", buyer, null);
        assertThat(cancelledWhileDown.status()).as(cancelledWhileDown.body()).isEqualTo(200);
        stack.awaitReady("submissions-service");

        long restarted = System.nanoTime();
        // What each worker is owed: of each cancelled job, job.cancelled and its held slot released; of each open
        // job, its held slot announced as expiring; of every upload, one verdict (approved, or rejected: by its
        // score or by the cancel, whichever came first).
        List<Set<String>> owed = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            Set<String> keys = new HashSet<>();
            for (int j = 0; j < JOBS; j++) {
                if (j < CANCELLED) {
                    keys.add("job.cancelled:" + jobs.get(j));
                    keys.add("assignment.released:" + holds[w][j]);
                } else {
                    keys.add("assignment.expiring:" + holds[w][j]);
                }
            }
            owed.add(keys);
        }
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (int w = 0; w < WORKERS; w++) {
                Set<String> told = WorkerFeed.all(api, workers.get(w)).stream().map(WorkerFeed::key)
                        .collect(Collectors.toSet());
                assertThat(told).as("worker %s", w).containsAll(owed.get(w));
                for (int j = 0; j < JOBS; j++) {
                    String submission = submissions[w][j];
                    assertThat(told).as("a verdict on %s", submission).containsAnyOf(
                            "submission.approved:" + submission, "submission.rejected:" + submission);
                }
            }
        });
        long told = System.nanoTime();
        // Everything is told; the followers catch up, and nothing more arrives (a duplicate would, from redelivery).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (int w = 0; w < WORKERS; w++) {
                assertThat(followers.get(w).failure()).as("follower %s", w).isNull();
                assertThat(followers.get(w).received()).hasSize(WorkerFeed.all(api, workers.get(w)).size());
            }
        });
        Map<Integer, Integer> sizes = feedSizes();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> feedSizes()
                .equals(sizes));
        Follower.halt(followers);
        for (Follower follower : followers) {
            assertThat(follower.failure()).as("the follower").isNull();
        }
        long burst = followers.stream().flatMap(f -> f.received().stream())
                .filter(e -> !"assignment.expiring".equals(type(e))).count();
        System.out.printf("WorkerEventsDuringFaultsIT: %d of the burst's %d events were told before the kill;"
                + " set-up %d ms, burst to restart %d ms, all told %d ms later, then %d ms%n", toldBeforeKill, burst,
                (setUp - started) / 1_000_000, (restarted - setUp) / 1_000_000, (told - restarted) / 1_000_000,
                (System.nanoTime() - told) / 1_000_000);

        for (int w = 0; w < WORKERS; w++) {
            String token = workers.get(w);
            List<JsonNode> feed = WorkerFeed.all(api, token);
            assertThat(feed).extracting(e -> e.path("id").asText()).as("worker %s: ids", w).doesNotHaveDuplicates();
            Map<String, Long> perObject = feed.stream().collect(Collectors.groupingBy(WorkerFeed::key,
                    Collectors.counting()));
            assertThat(perObject).as("worker %s: each event once", w)
                    .allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1L));
            Set<String> allowed = new HashSet<>(owed.get(w));
            for (int j = 0; j < JOBS; j++) {
                allowed.add("submission.approved:" + submissions[w][j]);
                allowed.add("submission.rejected:" + submissions[w][j]);
                // A slot held long enough before its job was cancelled, or before its upload, may be announced too.
                allowed.add("assignment.expiring:" + holds[w][j]);
                allowed.add("assignment.expiring:" + usedSlots[w][j]);
            }
            assertThat(perObject.keySet()).as("worker %s: nothing it is not owed", w).isSubsetOf(allowed);

            for (int j = 0; j < JOBS; j++) {
                String submission = submissions[w][j];
                JsonNode approved = WorkerFeed.find(feed, "submission.approved", submission);
                JsonNode rejected = WorkerFeed.find(feed, "submission.rejected", submission);
                assertThat(approved == null).as("one verdict on %s", submission).isNotEqualTo(rejected == null);
                String status = api.get("/v1/worker/submissions/" + submission, token).json().path("status").asText();
                if (approved != null) {
                    assertThat(status).isEqualTo("approved");
                    assertThat(approved.path("data").path("payout_cents").asInt()).isEqualTo(PRICE);
                } else {
                    assertThat(status).isEqualTo("rejected");
                    assertThat(rejected.path("data").path("retry_allowed").isBoolean()).isTrue();
                }
                if (j < CANCELLED) {
                    JsonNode jobCancelled = WorkerFeed.find(feed, "job.cancelled", jobs.get(j));
                    JsonNode released = WorkerFeed.find(feed, "assignment.released", holds[w][j]);
                    assertThat(released.path("data").path("object").path("reason").asText()).isEqualTo("job_cancelled");
                    assertThat(feed.indexOf(released)).as("newest first: the release follows job.cancelled")
                            .isLessThan(feed.indexOf(jobCancelled));
                    if (rejected != null && rejected.path("data").path("object").path("ai_reasoning").asText()
                            .contains("cancelled")) {
                        assertThat(rejected.path("data").path("retry_allowed").asBoolean()).isFalse();
                        assertThat(feed.indexOf(rejected)).isLessThan(feed.indexOf(jobCancelled));
                    }
                }
            }

            List<String> oldestFirst = new ArrayList<>(feed.stream().map(e -> e.path("id").asText()).toList());
            Collections.reverse(oldestFirst);
            assertThat(followers.get(w).received()).extracting(e -> e.path("id").asText())
                    .as("worker %s: the follower got each event once, in order", w)
                    .containsExactlyElementsOf(oldestFirst);
        }
    }

    private Map<Integer, Integer> feedSizes() {
        Map<Integer, Integer> sizes = new HashMap<>();
        for (int w = 0; w < workers.size(); w++) {
            sizes.put(w, WorkerFeed.all(api, workers.get(w)).size());
        }
        return sizes;
    }

    private static String type(JsonNode event) {
        return event.path("type").asText();
    }

    /** Holds a slot (retrying while the job reaches the replica); returns the assignment id. */
    private String accept(String worker, String jobId) {
        Api.Reply[] accepted = new Api.Reply[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            accepted[0] = api.post("/v1/worker/jobs/" + jobId + "/accept", worker, null);
            assertThat(accepted[0].status()).as(accepted[0].body()).isEqualTo(200);
        });
        return accepted[0].json().path("id").asText();
    }

    /**
     * A worker app following its feed: long-polls for events after the newest it has (Prefer: wait=30), pages
     * through what is new, and retries through outages (no answer, a 5xx or a 429).
     */
    static final class Follower implements Runnable {

        private final Api api;
        private final String worker;
        /** Oldest first. */
        private final List<JsonNode> received = new CopyOnWriteArrayList<>();
        private volatile boolean stopped;
        private volatile Throwable failure;
        private Thread thread;

        private Follower(Api api, String worker) {
            this.api = api;
            this.worker = worker;
        }

        static Follower start(Api api, String worker) {
            Follower follower = new Follower(api, worker);
            follower.thread = new Thread(follower, "worker-feed-follower");
            follower.thread.setDaemon(true);
            follower.thread.start();
            return follower;
        }

        List<JsonNode> received() {
            return received;
        }

        Throwable failure() {
            return failure;
        }

        @Override
        public void run() {
            String after = null;
            try {
                while (!stopped) {
                    String list = "/v1/worker/events?limit=100" + (after == null ? "" : "&after=" + after);
                    JsonNode page = retrying(() -> api.get(list, worker, "Prefer", "wait=30")).json();
                    List<JsonNode> batch = new ArrayList<>();
                    page.path("data").forEach(batch::add);
                    while (page.path("has_more").asBoolean()) {
                        String cursor = page.path("next_cursor").asText();
                        page = retrying(() -> api.get(list + "&cursor=" + cursor, worker)).json();
                        page.path("data").forEach(batch::add);
                    }
                    if (!batch.isEmpty()) {
                        after = batch.get(0).path("id").asText();
                        Collections.reverse(batch);
                        received.addAll(batch);
                    }
                }
            } catch (Throwable e) {
                if (!stopped) {
                    failure = e;
                }
            }
        }

        /** Stops the followers (ending the long-polls they have in flight) and waits until they are done. */
        static void halt(List<Follower> followers) throws InterruptedException {
            for (Follower follower : followers) {
                follower.stopped = true;
                follower.thread.interrupt();
            }
            for (Follower follower : followers) {
                follower.thread.join(10_000);
                assertThat(follower.thread.isAlive()).as("follower stopped").isFalse();
            }
        }

        private static Api.Reply retrying(Supplier<Api.Reply> call) {
            Api.Reply[] last = new Api.Reply[1];
            // In this thread, so that stop()'s interrupt ends a long-poll in flight at once.
            await().pollInSameThread().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> {
                last[0] = call.get();
                return last[0].status() != 0 && last[0].status() < 500 && last[0].status() != 429;
            });
            assertThat(last[0].status()).as(last[0].body()).isEqualTo(200);
            return last[0];
        }
    }
}
