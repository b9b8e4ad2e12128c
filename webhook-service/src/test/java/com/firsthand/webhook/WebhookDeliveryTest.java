package com.firsthand.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.firsthand.common.testing.KafkaEvents;
import com.firsthand.events.EventEnvelope;
import com.standardwebhooks.Webhook;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Delivery with real Kafka, PostgreSQL and HTTP receivers on loopback (test schedule 0s,300ms,600ms,900ms,1.2s). */
@QuarkusTest
class WebhookDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "firsthand.webhooks.secret-rotation-grace")
    Duration grace;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource database;

    @Test
    void aScoredSubmissionReachesTheReceiverSignedWithTheSubmissionObject() throws Exception {
        Fixtures buyer = Fixtures.newBuyer(kafka);
        try (Receiver receiver = Receiver.start(request -> Receiver.Answer.ok())) {
            String secret = buyer.createEndpoint(receiver.url(), "submission.scored", "submission.approved")
                    .path("secret");
            String submissionId = Fixtures.submissionId();
            EventEnvelope upstream = buyer.scored(submissionId, "approved", 4);

            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 2);
            Map<String, JsonNode> byType = new HashMap<>();
            for (Receiver.Received request : receiver.received()) {
                new Webhook(secret).verify(request.body(), request.headers());
                JsonNode event = JSON.readTree(request.body());
                assertThat(event.path("id").asText()).isEqualTo(request.id()).startsWith("evt_");
                byType.put(event.path("type").asText(), event);
            }
            assertThat(byType).containsOnlyKeys("submission.scored", "submission.approved");
            JsonNode scored = byType.get("submission.scored");
            assertThat(scored.path("object").asText()).isEqualTo("event");
            JsonNode submission = scored.path("data").path("object");
            List<String> fields = new ArrayList<>();
            submission.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("object", "id", "job_id", "worker_id", "status", "ai_star_rating",
                    "ai_reasoning", "file_url", "preview_url", "content_type", "size_bytes", "submitted_at",
                    "scored_at", "override", "appeal");
            assertThat(submission.path("override").isNull()).as("no override on a scored submission").isTrue();
            assertThat(submission.path("appeal").isNull()).isTrue();
            assertThat(submission.path("object").asText()).isEqualTo("submission");
            assertThat(submission.path("id").asText()).isEqualTo(submissionId);
            assertThat(submission.path("status").asText()).isEqualTo("approved");
            assertThat(submission.path("ai_star_rating").asInt()).isEqualTo(4);
            assertThat(submission.path("size_bytes").asLong()).isEqualTo(2450000L);
            assertThat(submission.path("file_url").asText()).isEqualTo("https://files.example/" + submissionId);
            assertThat(submission.path("preview_url").asText()).isEqualTo("/v1/submissions/" + submissionId
                    + "/preview");

            // The Events API returns the very object that was delivered.
            String eventId = scored.path("id").asText();
            String stored = buyer.api().get("/v1/events/" + eventId).then().statusCode(200).extract().asString();
            assertThat(JSON.readTree(stored)).isEqualTo(scored);
            buyer.api().get("/v1/events?type=submission.scored").then().statusCode(200)
                    .body("data.size()", equalTo(1)).body("data[0].id", equalTo(eventId));
            long now = java.time.Instant.now().getEpochSecond();
            buyer.api().queryParam("created[gte]", now + 3600).get("/v1/events").then().statusCode(200)
                    .body("data.size()", equalTo(0));
            buyer.api().queryParam("created[gte]", now - 3600).queryParam("created[lte]", now + 60)
                    .queryParam("limit", 1).get("/v1/events").then().statusCode(200).body("data.size()", equalTo(1))
                    .body("has_more", equalTo(true));
            buyer.api().queryParam("start_date", java.time.Instant.now().minusSeconds(3600).toString())
                    .get("/v1/events").then().statusCode(200).body("data.size()", equalTo(2));

            // Kafka redelivers the same message: no second event, no second delivery.
            KafkaEvents.send(kafka, upstream);
            buyer.scored(Fixtures.submissionId(), "rejected", 2);
            await().atMost(Duration.ofSeconds(20)).until(() -> buyer.api().get("/v1/events").path("data.size()")
                    .equals(4));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> receiver.received().size() == 3);
            assertThat(receiver.received().get(2).body()).contains("\"submission.scored\"")
                    .contains("\"status\":\"rejected\"");
        }
    }

    @Test
    void aRejectedSubmissionsEventLinksNoFileEvenWhenTheUpstreamEventCarriedOne() throws Exception {
        Fixtures buyer = Fixtures.newBuyer(kafka);
        String submissionId = Fixtures.submissionId();
        buyer.scored(submissionId, "rejected", 2);

        await().atMost(Duration.ofSeconds(20)).until(() -> buyer.api().get("/v1/events?type=submission.rejected")
                .path("data.size()").equals(1));
        JsonNode submission = JSON.readTree(buyer.api().get("/v1/events?type=submission.rejected").then()
                .statusCode(200).extract().asString()).path("data").path(0).path("data").path("object");
        assertThat(submission.path("id").asText()).isEqualTo(submissionId);
        assertThat(submission.path("status").asText()).isEqualTo("rejected");
        assertThat(submission.has("file_url")).isTrue();
        assertThat(submission.path("file_url").isNull()).isTrue();
        assertThat(submission.path("preview_url").asText()).isEqualTo("/v1/submissions/" + submissionId + "/preview");
    }

    @Test
    void jobStatusChangesBecomeJobEvents() throws Exception {
        Fixtures buyer = Fixtures.newBuyer(kafka);
        try (Receiver receiver = Receiver.start(request -> Receiver.Answer.ok())) {
            buyer.createEndpoint(receiver.url(), "job.status_changed", "job.completed", "job.cancelled");
            String jobId = com.firsthand.common.ids.Ids.next(com.firsthand.common.ids.Ids.JOB);
            buyer.jobCreated(jobId, "Photos of mailboxes");
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                try (var connection = database.getConnection(); var query = connection.prepareStatement(
                        "SELECT count(*) FROM job_replica WHERE id = ?")) {
                    query.setString(1, jobId);
                    try (var rows = query.executeQuery()) {
                        return rows.next() && rows.getInt(1) == 1;
                    }
                }
            });
            buyer.jobStatus(jobId, "in_progress", "completed");
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 2);
            Set<String> types = receiver.received().stream().map(r -> read(r.body()).path("type").asText())
                    .collect(Collectors.toSet());
            assertThat(types).containsExactlyInAnyOrder("job.status_changed", "job.completed");
            JsonNode job = read(receiver.received().get(0).body()).path("data").path("object");
            assertThat(job.path("object").asText()).isEqualTo("job");
            assertThat(job.path("status").asText()).isEqualTo("completed");
            assertThat(job.path("previous_status").asText()).isEqualTo("in_progress");
            assertThat(job.path("files_approved").asInt()).isEqualTo(3);
            assertThat(job.path("id").asText()).isEqualTo(jobId);
            assertThat(job.path("type").asText()).isEqualTo("data_collection");
            assertThat(job.path("description").asText()).isEqualTo("Photos of mailboxes");
            assertThat(job.path("price_per_file_cents").asInt()).isEqualTo(50);
            assertThat(job.path("metadata").path("batch").asText()).isEqualTo("7");
        }
    }

    @Test
    void aJobEventCarriesTheJobItselfAndNeedsNoEarlierJobCreated() throws Exception {
        Fixtures buyer = Fixtures.newBuyer(kafka);
        try (Receiver receiver = Receiver.start(request -> Receiver.Answer.ok())) {
            buyer.createEndpoint(receiver.url(), "job.cancelled");
            String jobId = com.firsthand.common.ids.Ids.next(com.firsthand.common.ids.Ids.JOB);
            Map<String, Object> job = new java.util.LinkedHashMap<>();
            job.put("object", "job");
            job.put("id", jobId);
            job.put("status", "cancelled");
            job.put("description", "Never replicated");
            job.put("location", Map.of("lat", 30.27, "lng", -97.74, "radius_km", 15));
            job.put("submissions", Map.of("approved", 1, "remaining", 0));
            buyer.jobStatus(jobId, "open", "cancelled", job);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 1);
            JsonNode object = read(receiver.received().get(0).body()).path("data").path("object");
            assertThat(object.path("id").asText()).isEqualTo(jobId);
            assertThat(object.path("description").asText()).isEqualTo("Never replicated");
            assertThat(object.path("location").path("radius_km").asInt()).isEqualTo(15);
            assertThat(object.path("submissions").path("approved").asInt()).isEqualTo(1);
            assertThat(object.path("previous_status").asText()).isEqualTo("open");
            assertThat(object.path("status_changed_at").asText()).isNotEmpty();
        }
    }

    @Test
    void failuresAreRetriedOnTheScheduleAndEveryAttemptIsListed() throws Exception {
        Fixtures buyer = Fixtures.newBuyer(kafka);
        AtomicInteger calls = new AtomicInteger();
        double failedBefore = attemptsCounted("failed");
        double succeededBefore = attemptsCounted("succeeded");
        try (Receiver receiver = Receiver.start(request -> calls.incrementAndGet() <= 2
                ? Receiver.Answer.status(500) : Receiver.Answer.ok())) {
            String endpointId = buyer.createEndpoint(receiver.url(), "submission.scored").path("id");
            buyer.scored(Fixtures.submissionId(), "approved", 5);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 3);
            List<Receiver.Received> got = receiver.received();
            assertThat(got).extracting(Receiver.Received::id).containsOnly(got.get(0).id());
            long firstGap = (got.get(1).nanos() - got.get(0).nanos()) / 1_000_000;
            long secondGap = (got.get(2).nanos() - got.get(1).nanos()) / 1_000_000;
            // At least the schedule's 300 ms and 600 ms; at most seconds, not the production schedule's 5 s and 5 min.
            assertThat(firstGap).isBetween(250L, 4_500L);
            assertThat(secondGap).isBetween(550L, 5_000L);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> buyer.api()
                    .get("/v1/webhook_endpoints/" + endpointId + "/deliveries").then().statusCode(200)
                    .body("data.size()", equalTo(3))
                    .body("data[0].response_status", equalTo(200)).body("data[0].attempt", equalTo(3))
                    .body("data[1].response_status", equalTo(500)).body("data[2].attempt", equalTo(1))
                    .body("data[2].response_body", equalTo("{\"received\":true,\"status\":500}"))
                    .body("data[0].event_type", equalTo("submission.scored")));
        }
        assertThat(attemptsCounted("failed")).as("failed attempts counted for the alert")
                .isGreaterThanOrEqualTo(failedBefore + 2);
        assertThat(attemptsCounted("succeeded")).isGreaterThanOrEqualTo(succeededBefore + 1);
    }

    /** firsthand_webhooks_attempts_total of one outcome, from /q/metrics (0 when never counted). */
    private static double attemptsCounted(String outcome) {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher sample = Pattern.compile("^firsthand_webhooks_attempts_total\\{outcome=\""
                + outcome + "\"} (\\S+)(?: # .*)?$", Pattern.MULTILINE).matcher(metrics);
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }

    @Test
    void aReceiverThatIsDownThenUpGetsEveryEventWithStableIds() throws Exception {
        Fixtures buyer = Fixtures.newBuyer(kafka);
        int port;
        try (Receiver probe = Receiver.start(request -> Receiver.Answer.ok())) {
            port = probe.port();
        }
        String endpointId = buyer.createEndpoint("http://127.0.0.1:" + port + "/hooks", "submission.scored").path("id");
        List<String> submissions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            submissions.add(Fixtures.submissionId());
            buyer.scored(submissions.get(i), "approved", 4);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> buyer.api().get("/v1/events").path("data.size()")
                .equals(10));
        // The receiver stays down until every delivery has failed at least once. The compressed schedule gives up
        // 3 s after a first attempt, and the events need not arrive together: so each delivery, once it has failed,
        // is held (its row locked, which the dispatcher's claim skips) until the receiver is back up.
        try (var hold = database.getConnection()) {
            hold.setAutoCommit(false);
            Set<String> held = ConcurrentHashMap.newKeySet();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> {
                try (var lock = hold.prepareStatement("""
                        SELECT id FROM webhook_delivery WHERE endpoint_id = ? AND status = 'pending' AND attempts >= 1
                        FOR UPDATE SKIP LOCKED""")) {
                    lock.setString(1, endpointId);
                    try (var rows = lock.executeQuery()) {
                        while (rows.next()) {
                            held.add(rows.getString(1));
                        }
                    }
                }
                return held.size() == submissions.size();
            });
            assertThat(buyer.api().get("/v1/webhook_endpoints/" + endpointId + "/deliveries")
                    .<Integer>path("data.size()")).as("failed attempts").isGreaterThanOrEqualTo(submissions.size());
            try (Receiver receiver = Receiver.startOn(port, request -> Receiver.Answer.ok())) {
                hold.commit();
                await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().stream()
                        .map(r -> read(r.body()).path("data").path("object").path("id").asText())
                        .collect(Collectors.toSet()).containsAll(submissions));
                // Retries still in flight land within the compressed schedule; none of them may carry a new id.
                await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                    Map<String, Set<String>> idsBySubmission = new ConcurrentHashMap<>();
                    for (Receiver.Received request : receiver.received()) {
                        idsBySubmission.computeIfAbsent(read(request.body()).path("data").path("object").path("id")
                                .asText(), k -> ConcurrentHashMap.newKeySet()).add(request.id());
                    }
                    assertThat(idsBySubmission).hasSize(5)
                            .allSatisfy((submission, ids) -> assertThat(ids).hasSize(1));
                });
            }
        }
    }

    @Test
    void aHangingEndpointDoesNotDelayAHealthyOne() throws Exception {
        Fixtures buyer = Fixtures.newBuyer(kafka);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        try (Receiver hanging = Receiver.start(request -> new Receiver.Answer(200, null, 20_000));
                Receiver healthy = Receiver.start(request -> Receiver.Answer.ok())) {
            buyer.createEndpoint(hanging.url(), "submission.scored");
            buyer.createEndpoint(healthy.url(), "submission.scored");
            for (int i = 0; i < 30; i++) {
                String submission = Fixtures.submissionId();
                sentAt.put(submission, System.nanoTime());
                buyer.scored(submission, "approved", 4);
                Thread.sleep(50);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> healthy.received().size() >= 30);
            List<Long> latencies = healthy.received().stream().map(r -> (r.nanos()
                    - sentAt.get(read(r.body()).path("data").path("object").path("id").asText())) / 1_000_000)
                    .sorted().toList();
            assertThat(hanging.received()).isNotEmpty();
            // Held up behind the hanging endpoint, a delivery would wait at least its 3 s attempt timeout
            // (%test.firsthand.webhooks.attempt-timeout); below that, only scheduling noise on a busy machine.
            long median = latencies.get(latencies.size() / 2);
            long slowest = latencies.get(latencies.size() - 1);
            assertThat(median).as("median healthy endpoint latency (ms) of %s", latencies).isLessThan(1_000);
            assertThat(slowest).as("slowest healthy endpoint latency (ms) of %s", latencies).isLessThan(2_500);
        }
    }

    @Test
    void retryAfterIsHonoured() throws Exception {
        Fixtures buyer = Fixtures.newBuyer(kafka);
        AtomicInteger calls = new AtomicInteger();
        try (Receiver receiver = Receiver.start(request -> calls.incrementAndGet() == 1
                ? new Receiver.Answer(429, "2", 0) : Receiver.Answer.ok())) {
            buyer.createEndpoint(receiver.url(), "submission.scored");
            buyer.scored(Fixtures.submissionId(), "approved", 4);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 2);
            long gap = (receiver.received().get(1).nanos() - receiver.received().get(0).nanos()) / 1_000_000;
            assertThat(gap).as("the schedule says 300 ms, Retry-After 2 s").isBetween(1_950L, 5_000L);
        }
    }

    @Test
    void a410DisablesTheEndpointAndSaysSoInTheEvents() throws Exception {
        Fixtures buyer = Fixtures.newBuyer(kafka);
        try (Receiver gone = Receiver.start(request -> Receiver.Answer.status(410));
                Receiver watcher = Receiver.start(request -> Receiver.Answer.ok())) {
            String endpointId = buyer.createEndpoint(gone.url(), "submission.scored").path("id");
            buyer.createEndpoint(watcher.url(), "webhook_endpoint.disabled");
            buyer.scored(Fixtures.submissionId(), "approved", 4);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> buyer.api()
                    .get("/v1/webhook_endpoints/" + endpointId).then().body("status", equalTo("disabled")));
            buyer.api().get("/v1/events?type=webhook_endpoint.disabled").then().statusCode(200)
                    .body("data.size()", equalTo(1)).body("data[0].data.object.id", equalTo(endpointId));
            await().atMost(Duration.ofSeconds(20)).until(() -> watcher.received().size() == 1);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> gone.received().size() == 1);
            buyer.scored(Fixtures.submissionId(), "approved", 4);
            await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5))
                    .until(() -> gone.received().size() == 1);
        }
    }

    @Test
    void anEndpointFailingForLongerThanDisableAfterIsDisabled() throws Exception {
        Fixtures buyer = Fixtures.newBuyer(kafka);
        try (Receiver failing = Receiver.start(request -> Receiver.Answer.status(500))) {
            String endpointId = buyer.createEndpoint(failing.url(), "submission.scored").path("id");
            // A first event fails its whole schedule: the endpoint is failing since then, for less than
            // disable-after (5 d), so it stays enabled.
            buyer.scored(Fixtures.submissionId(), "approved", 4);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> buyer.api()
                    .get("/v1/webhook_endpoints/" + endpointId + "/deliveries").then()
                    .body("data.size()", equalTo(5)).body("data[0].next_attempt_at", equalTo(null)));
            buyer.api().get("/v1/webhook_endpoints/" + endpointId).then().body("status", equalTo("enabled"));
            int firstEventsAttempts = failing.received().size();
            assertThat(firstEventsAttempts).isEqualTo(5);
            // Failing since six days: the next failed attempt disables the endpoint. No attempt is in flight
            // now, so nothing records over this change.
            try (var connection = database.getConnection(); var update = connection.prepareStatement(
                    "UPDATE webhook_endpoint SET failing_since = now() - interval '6 days' WHERE id = ?"
                    + " AND failing_since IS NOT NULL")) {
                update.setString(1, endpointId);
                assertThat(update.executeUpdate()).as("failing since the first failed attempt").isEqualTo(1);
            }
            buyer.scored(Fixtures.submissionId(), "approved", 4);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> buyer.api()
                    .get("/v1/webhook_endpoints/" + endpointId).then().body("status", equalTo("disabled"))
                    .body("disabled_reason", org.hamcrest.Matchers.startsWith("Every delivery failed since")));
            buyer.api().get("/v1/events?type=webhook_endpoint.disabled").then().statusCode(200)
                    .body("data.size()", equalTo(1)).body("data[0].data.object.id", equalTo(endpointId))
                    .body("data[0].data.object.status", equalTo("disabled"));
            int attempts = failing.received().size() - firstEventsAttempts;
            assertThat(attempts).as("the second event's attempts: disabled before its schedule ran out")
                    .isLessThan(5);
            await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5))
                    .until(() -> failing.received().size() == firstEventsAttempts + attempts);
        }
    }

    @Test
    void aFailureIsRecordedAgainstTheEndpointRowAsItIsAfterAConcurrentChange() throws Exception {
        Fixtures buyer = Fixtures.newBuyer(kafka);
        try (Receiver failing = Receiver.start(request -> Receiver.Answer.status(500));
                var concurrent = database.getConnection()) {
            String endpointId = buyer.createEndpoint(failing.url(), "submission.scored").path("id");
            concurrent.setAutoCommit(false);
            try (var update = concurrent.prepareStatement(
                    "UPDATE webhook_endpoint SET failing_since = now() - interval '6 days' WHERE id = ?")) {
                update.setString(1, endpointId);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            buyer.scored(Fixtures.submissionId(), "approved", 4);
            await().atMost(Duration.ofSeconds(20)).until(() -> failing.received().size() == 1);
            // The first failure's record now waits for this uncommitted change; it must read the row after it.
            await().atMost(Duration.ofSeconds(20)).until(() -> sessionsWaitingForARowLock() >= 1);
            concurrent.commit();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> buyer.api()
                    .get("/v1/webhook_endpoints/" + endpointId).then().body("status", equalTo("disabled")));
            assertThat(failing.received()).hasSize(1);
        }
    }

    private long sessionsWaitingForARowLock() throws Exception {
        try (var connection = database.getConnection(); var query = connection.prepareStatement("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%webhook_endpoint%'""");
                var rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void duringTheRotationGraceBothSecretsSignThenOnlyTheNewOne() throws Exception {
        Fixtures buyer = Fixtures.newBuyer(kafka);
        try (Receiver receiver = Receiver.start(request -> Receiver.Answer.ok())) {
            var created = buyer.createEndpoint(receiver.url(), "submission.scored");
            String oldSecret = created.path("secret");
            String endpointId = created.path("id");
            Instant rotating = Instant.now();
            String newSecret = buyer.post().post("/v1/webhook_endpoints/" + endpointId + "/rotate_secret")
                    .then().statusCode(200).extract().path("secret");
            Instant rotated = Instant.now();
            assertThat(previousSecretExpiresAt(endpointId)).as("the old secret's grace")
                    .isBetween(rotating.plus(grace).minusSeconds(1), rotated.plus(grace).plusSeconds(1));
            buyer.scored(Fixtures.submissionId(), "approved", 4);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 1);
            Receiver.Received during = receiver.received().get(0);
            assertThat(during.signature().split(" ")).hasSize(2);
            new Webhook(oldSecret).verify(during.body(), during.headers());
            new Webhook(newSecret).verify(during.body(), during.headers());

            // The grace (an hour in tests) ends.
            try (var connection = database.getConnection(); var update = connection.prepareStatement("""
                    UPDATE webhook_endpoint SET previous_secret_expires_at = now() - interval '1 second'
                    WHERE id = ?""")) {
                update.setString(1, endpointId);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            buyer.scored(Fixtures.submissionId(), "approved", 4);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 2);
            Receiver.Received after = receiver.received().get(1);
            assertThat(after.signature().split(" ")).hasSize(1);
            new Webhook(newSecret).verify(after.body(), after.headers());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Webhook(oldSecret)
                    .verify(after.body(), after.headers()))
                    .isInstanceOf(com.standardwebhooks.exceptions.WebhookVerificationException.class);
        }
    }

    private Instant previousSecretExpiresAt(String endpointId) throws Exception {
        try (var connection = database.getConnection(); var query = connection.prepareStatement(
                "SELECT previous_secret_expires_at FROM webhook_endpoint WHERE id = ?")) {
            query.setString(1, endpointId);
            try (var rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getTimestamp(1).toInstant();
            }
        }
    }

    @Test
    void redeliverAndRecoverSendEventsAgain() throws Exception {
        Fixtures buyer = Fixtures.newBuyer(kafka);
        try (Receiver receiver = Receiver.start(request -> Receiver.Answer.status(503))) {
            String endpointId = buyer.createEndpoint(receiver.url(), "submission.scored").path("id");
            buyer.scored(Fixtures.submissionId(), "approved", 4);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 5);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> buyer.api()
                    .get("/v1/webhook_endpoints/" + endpointId + "/deliveries").then()
                    .body("data.size()", equalTo(5)).body("data[0].next_attempt_at", equalTo(null)));
            String eventId = receiver.received().get(0).id();

            receiver.answer(request -> Receiver.Answer.ok());
            buyer.post().body("{\"since\":\"" + java.time.Instant.now().minusSeconds(600) + "\"}")
                    .post("/v1/webhook_endpoints/" + endpointId + "/recover").then().statusCode(200)
                    .body("deliveries_queued", equalTo(1));
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 6);

            buyer.post().body("{\"endpoint_id\":\"" + endpointId + "\"}").post("/v1/events/" + eventId + "/redeliver")
                    .then().statusCode(200).body("endpoint_ids[0]", equalTo(endpointId));
            buyer.post().post("/v1/events/" + eventId + "/redeliver").then().statusCode(200)
                    .body("deliveries_queued", equalTo(1));
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() >= 7);
            assertThat(receiver.received()).extracting(Receiver.Received::id).containsOnly(eventId);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
