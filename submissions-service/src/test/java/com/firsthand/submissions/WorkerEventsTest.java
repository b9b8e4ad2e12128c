package com.firsthand.submissions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.firsthand.common.testing.KafkaEvents;
import com.firsthand.common.testing.PublishedCredentials;
import com.firsthand.events.EventEnvelope;
import com.firsthand.submissions.repository.WorkerEventSignals;
import com.firsthand.submissions.service.PurgeWorkerEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v1/worker/events: what workers are told, once each and in order, and the long-poll that waits for it. */
@QuarkusTest
class WorkerEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;
    @Inject
    AgroalDataSource database;
    @Inject
    WorkerEventSignals signals;
    @Inject
    PurgeWorkerEvents purge;
    WorkerFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new WorkerFixtures(kafka);
    }

    @Test
    void scoresAreToldOnceEachAcrossRedeliveriesNewestFirst() throws Exception {
        String worker = fixtures.worker();
        fixtures.awaitAuthenticated(worker);
        String goodJob = acceptedJob(worker, 2);
        String good = uploaded(worker, goodJob);
        String poorJob = acceptedJob(worker, 2);
        String poor = uploaded(worker, poorJob);

        EventEnvelope approval = ApplyScoreTest.scored(goodJob, good, 4);
        KafkaEvents.send(kafka, approval);
        KafkaEvents.send(kafka, approval);
        KafkaEvents.send(kafka, ApplyScoreTest.scored(goodJob, good, 5));
        awaitEvents(worker, 1);
        KafkaEvents.send(kafka, ApplyScoreTest.scored(poorJob, poor, 2));
        KafkaEvents.send(kafka, ApplyScoreTest.scored(poorJob, poor, 2));

        List<Map<String, Object>> events = awaitEvents(worker, 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> events(worker, "").size() == 2);
        JsonPath list = eventsPage(worker, "");
        assertThat(list.getList("data.type")).containsExactly("submission.rejected", "submission.approved");
        assertThat(list.getString("data[1].object")).isEqualTo("worker_event");
        assertThat(list.getString("data[1].id")).startsWith("wev_");
        assertThat(list.getString("data[1].data.object.id")).isEqualTo(good);
        assertThat(list.getString("data[1].data.object.status")).isEqualTo("approved");
        assertThat(list.getInt("data[1].data.object.ai_star_rating")).isEqualTo(4);
        assertThat(list.getInt("data[1].data.payout_cents")).isEqualTo(50);
        assertThat(list.getString("data[0].data.object.id")).isEqualTo(poor);
        assertThat(list.getInt("data[0].data.object.ai_star_rating")).isEqualTo(2);
        assertThat(list.getString("data[0].data.object.ai_reasoning")).isEqualTo("Scored 2 stars by the test");
        assertThat(list.getBoolean("data[0].data.retry_allowed")).isTrue();

        String approvedEvent = list.getString("data[1].id");
        given().auth().oauth2(worker).when().get("/v1/worker/events/" + approvedEvent).then().statusCode(200)
                .body("type", equalTo("submission.approved")).body("data.object.id", equalTo(good));
        given().auth().oauth2(worker).when().get("/v1/worker/events?after=" + approvedEvent).then().statusCode(200)
                .body("data.type", equalTo(List.of("submission.rejected")));
        given().auth().oauth2(worker).when().get("/v1/worker/events?limit=1").then().statusCode(200)
                .body("has_more", equalTo(true)).body("data[0].data.object.id", equalTo(poor));
        String next = eventsPage(worker, "?limit=1").getString("next_cursor");
        given().auth().oauth2(worker).when().get("/v1/worker/events?limit=1&cursor=" + next).then().statusCode(200)
                .body("has_more", equalTo(false)).body("data[0].id", equalTo(approvedEvent));

        String stranger = fixtures.worker();
        fixtures.awaitAuthenticated(stranger);
        given().auth().oauth2(stranger).when().get("/v1/worker/events/" + approvedEvent).then().statusCode(404);
        given().auth().oauth2(stranger).when().get("/v1/worker/events").then().statusCode(200)
                .body("data.size()", equalTo(0));
        given().auth().oauth2(stranger).when().get("/v1/worker/events?after=" + approvedEvent).then().statusCode(400)
                .body("error.param", equalTo("after"));
        given().auth().oauth2(worker).when().get("/v1/worker/events?after=nope").then().statusCode(400)
                .body("error.param", equalTo("after"));
        given().auth().oauth2(worker).when().get("/v1/worker/events/wev_nope").then().statusCode(404);
        String buyer = PublishedCredentials.buyerKey(kafka).secret();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(buyer)
                .when().get("/v1/worker/events").then().statusCode(403));
        given().auth().oauth2(buyer).when().get("/v1/worker/events/" + approvedEvent).then().statusCode(403);
    }

    @Test
    void aWaitingLongPollIsWokenByACancelWithTheJobAndEachReleasedSlotAndRejectedSubmission() throws Exception {
        String holder = fixtures.worker();
        String uploader = fixtures.worker();
        fixtures.awaitAuthenticated(holder);
        fixtures.awaitAuthenticated(uploader);
        String jobId = fixtures.job(3, null, null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> WorkerFixtures.accept(uploader, jobId).then()
                .statusCode(200));
        String pending = uploaded(uploader, jobId);
        WorkerFixtures.accept(holder, jobId).then().statusCode(200);

        int waitingBefore = signals.waiting();
        long started = System.nanoTime();
        CompletableFuture<JsonPath> poll = CompletableFuture.supplyAsync(() -> given().auth().oauth2(holder)
                .header("Prefer", "wait=25").when().get("/v1/worker/events").then().statusCode(200)
                .header("Preference-Applied", "wait=25").extract().jsonPath());
        await().atMost(Duration.ofSeconds(10)).until(() -> signals.waiting() > waitingBefore);
        fixtures.jobStatus(jobId, "in_progress", "cancelled");

        JsonPath woken = poll.get(20, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(woken.getList("data.type")).containsExactly("assignment.released", "job.cancelled");
        assertThat(woken.getString("data[1].data.object.id")).isEqualTo(jobId);
        assertThat(woken.getString("data[1].data.object.status")).isEqualTo("cancelled");
        assertThat(woken.getString("data[0].data.object.status")).isEqualTo("released");
        assertThat(woken.getString("data[0].data.object.reason")).isEqualTo("job_cancelled");

        List<Map<String, Object>> told = awaitEvents(uploader, 2);
        assertThat(told).extracting(e -> e.get("type")).containsExactly("submission.rejected", "job.cancelled");
        JsonPath rejected = eventsPage(uploader, "");
        assertThat(rejected.getString("data[0].data.object.id")).isEqualTo(pending);
        assertThat(rejected.getBoolean("data[0].data.retry_allowed")).isFalse();

        String heldSlot = woken.getString("data[0].data.object.id");
        given().auth().oauth2(holder).when().get("/v1/worker/assignments/" + heldSlot).then().statusCode(200)
                .body("status", equalTo("released")).body("reason", equalTo("job_cancelled"))
                .body("submission_id", equalTo(null));
    }

    @Test
    void aLongPollWithNothingNewAnswersAnEmptyPageWhenItsWaitIsUp() {
        String worker = fixtures.worker();
        fixtures.awaitAuthenticated(worker);
        long started = System.nanoTime();
        given().auth().oauth2(worker).header("Prefer", "wait=1").when().get("/v1/worker/events").then()
                .statusCode(200).header("Preference-Applied", "wait=1").body("data.size()", equalTo(0));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        given().auth().oauth2(worker).header("Prefer", "wait=x").when().get("/v1/worker/events").then()
                .statusCode(200).header("Preference-Applied", (String) null);
    }

    @Test
    void aHoldAboutToLapseIsAnnouncedOnceThenReleasedAsExpired() throws Exception {
        WorkerFixtures.Holder holder = fixtures.workerHoldingASlot(1);
        String assignmentId = given().auth().oauth2(holder.worker()).when()
                .get("/v1/worker/assignments?status=active&job_id=" + holder.jobId()).then().statusCode(200)
                .body("data.size()", equalTo(1)).extract().path("data[0].id");
        setExpiry(assignmentId, "now() + interval '2 minutes'");

        awaitEvents(holder.worker(), 1);
        JsonPath expiring = eventsPage(holder.worker(), "");
        assertThat(expiring.getString("data[0].type")).isEqualTo("assignment.expiring");
        assertThat(expiring.getString("data[0].data.object.id")).isEqualTo(assignmentId);
        assertThat(expiring.getString("data[0].data.object.status")).isEqualTo("active");

        setExpiry(assignmentId, "now() - interval '1 second'");
        awaitEvents(holder.worker(), 2);
        JsonPath both = eventsPage(holder.worker(), "");
        assertThat(both.getList("data.type")).containsExactly("assignment.released", "assignment.expiring");
        assertThat(both.getString("data[0].data.object.status")).isEqualTo("expired");
        assertThat(both.getString("data[0].data.object.reason")).isEqualTo("expired");
        given().auth().oauth2(holder.worker()).when().get("/v1/worker/assignments?status=expired").then()
                .statusCode(200).body("data.id", equalTo(List.of(assignmentId)));
    }

    @Test
    void aJobThatExpiresReleasesTheSlotsHeldOnIt() {
        WorkerFixtures.Holder holder = fixtures.workerHoldingASlot(2);
        fixtures.jobStatus(holder.jobId(), "open", "expired");
        awaitEvents(holder.worker(), 1);
        JsonPath released = eventsPage(holder.worker(), "");
        assertThat(released.getString("data[0].type")).isEqualTo("assignment.released");
        assertThat(released.getString("data[0].data.object.reason")).isEqualTo("job_expired");
    }

    @Test
    void eachWorkersEventsAreNumberedWithoutGapsInTheOrderTheyCommitted() throws Exception {
        String worker = fixtures.worker();
        fixtures.awaitAuthenticated(worker);
        List<String[]> uploads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String jobId = acceptedJob(worker, 1);
            uploads.add(new String[] {jobId, uploaded(worker, jobId)});
        }
        for (int i = 0; i < uploads.size(); i++) {
            KafkaEvents.send(kafka, ApplyScoreTest.scored(uploads.get(i)[0], uploads.get(i)[1], 1 + i % 5));
        }
        awaitEvents(worker, 6);

        List<Long> sequences = new ArrayList<>();
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT sequence FROM worker_event WHERE worker_id = (SELECT worker_id FROM submission WHERE id = ?)"
                        + " ORDER BY sequence")) {
            s.setString(1, uploads.get(0)[1]);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    sequences.add(rows.getLong(1));
                }
            }
        }
        assertThat(sequences).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(eventsPage(worker, "?limit=100").getList("data.data.object.id")).containsExactlyInAnyOrderElementsOf(
                uploads.stream().map(u -> u[1]).toList());
    }

    @Test
    void eventsOlderThanTheRetentionAreDeletedAndNewerOnesKept() throws Exception {
        WorkerFixtures.Holder holder = fixtures.workerHoldingASlot(2);
        fixtures.jobStatus(holder.jobId(), "open", "expired");
        String kept = (String) awaitEvents(holder.worker(), 1).get(0).get("id");
        String old = "wev_01AAAAAAAAAAAAAAAAAAAAAAAA";
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO worker_event (id, worker_id, sequence, type, created_at, data)
                SELECT ?, worker_id, 1000, 'assignment.expiring', now() - interval '31 days', '{}'::jsonb
                FROM worker_event WHERE id = ?""")) {
            s.setString(1, old);
            s.setString(2, kept);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        given().auth().oauth2(holder.worker()).when().get("/v1/worker/events/" + old).then().statusCode(200);

        assertThat(purge.purgeCreatedBefore(java.time.Instant.now().minus(Duration.ofDays(30)))).isEqualTo(1);

        given().auth().oauth2(holder.worker()).when().get("/v1/worker/events/" + old).then().statusCode(404);
        given().auth().oauth2(holder.worker()).when().get("/v1/worker/events/" + kept).then().statusCode(200);
    }

    private void setExpiry(String assignmentId, String expression) throws Exception {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE assignment SET expires_at = " + expression + " WHERE id = ?")) {
            s.setString(1, assignmentId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private String acceptedJob(String worker, int filesNeeded) {
        String jobId = fixtures.job(filesNeeded, null, null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> WorkerFixtures.accept(worker, jobId).then()
                .statusCode(200));
        return jobId;
    }

    static String uploaded(String worker, String jobId) throws Exception {
        return UploadTest.upload(worker, jobId, "photo.jpg", "image/jpeg", UploadTest.jpeg(320, 240)).then()
                .statusCode(200).extract().path("id");
    }

    static JsonPath eventsPage(String worker, String query) {
        return given().auth().oauth2(worker).when().get("/v1/worker/events" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    static List<Map<String, Object>> events(String worker, String query) {
        return eventsPage(worker, query).getList("data");
    }

    static List<Map<String, Object>> awaitEvents(String worker, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> events(worker, "?limit=100").size() >= count);
        return events(worker, "?limit=100");
    }
}
