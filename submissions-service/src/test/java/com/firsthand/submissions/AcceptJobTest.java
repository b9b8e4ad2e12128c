package com.firsthand.submissions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.firsthand.common.testing.KafkaEvents;
import com.firsthand.events.JobCapacityChanged;
import com.firsthand.events.Topics;
import com.firsthand.submissions.domain.JobReplica;
import com.firsthand.submissions.repository.JobReplicaRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AcceptJobTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;
    @Inject
    JobReplicaRepository jobs;
    WorkerFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new WorkerFixtures(kafka);
    }

    @Test
    void aHundredWorkersRacingForTenSlotsGetExactlyTen() throws Exception {
        String jobId = fixtures.job(10, null, null);
        List<String> workers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            workers.add(fixtures.worker());
        }
        workers.forEach(fixtures::awaitAuthenticated);
        awaitReplica(jobId);

        ExecutorService pool = Executors.newFixedThreadPool(100);
        List<Response> responses = new ArrayList<>();
        try {
            List<Callable<Response>> calls = workers.stream()
                    .<Callable<Response>>map(token -> () -> WorkerFixtures.accept(token, jobId)).toList();
            for (Future<Response> future : pool.invokeAll(calls)) {
                responses.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(responses.stream().filter(r -> r.statusCode() == 200)).hasSize(10);
        assertThat(responses.stream().filter(r -> r.statusCode() == 409)
                .map(r -> r.jsonPath().getString("error.code"))).hasSize(90).containsOnly("no_slots_left");
        JobReplica job = QuarkusTransaction.requiringNew().call(() -> jobs.findById(jobId));
        assertThat(job.held).isEqualTo(10);
        assertThat(job.remaining()).isZero();

        JobCapacityChanged last = lastCapacity(jobId, 10);
        assertThat(last.held()).isEqualTo(10);
        assertThat(last.remaining()).isZero();
    }

    @Test
    void oneActiveAssignmentPerWorkerAndARetryReplaysIt() {
        String jobId = fixtures.job(5, null, null);
        String worker = fixtures.worker();
        fixtures.awaitAuthenticated(worker);
        awaitReplica(jobId);

        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(worker).header("Idempotency-Key", key).when()
                .post("/v1/worker/jobs/" + jobId + "/accept").then().statusCode(200)
                .body("object", equalTo("assignment")).body("id", startsWith("asg_"))
                .body("status", equalTo("active")).body("job_id", equalTo(jobId)).extract().path("id");
        given().auth().oauth2(worker).header("Idempotency-Key", key).when()
                .post("/v1/worker/jobs/" + jobId + "/accept").then().statusCode(200).body("id", equalTo(first));
        WorkerFixtures.accept(worker, jobId).then().statusCode(409).body("error.code", equalTo("assignment_exists"));
    }

    @Test
    void closedExpiredUnknownAndCrowdedJobsRefuseWork() {
        String worker = fixtures.worker();
        fixtures.awaitAuthenticated(worker);

        String cancelled = fixtures.job(3, null, null);
        awaitReplica(cancelled);
        fixtures.jobStatus(cancelled, "open", "cancelled");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> WorkerFixtures.accept(worker, cancelled).then()
                .statusCode(409).body("error.code", equalTo("job_not_open")));

        String overdue = fixtures.job(3, null, Instant.now().minusSeconds(60));
        awaitReplica(overdue);
        WorkerFixtures.accept(worker, overdue).then().statusCode(409).body("error.code", equalTo("job_not_open"));

        WorkerFixtures.accept(worker, "job_01JQ0000000000000000000000").then().statusCode(404);

        String crowded = fixtures.job(10, 2, null);
        awaitReplica(crowded);
        String second = fixtures.worker();
        String third = fixtures.worker();
        fixtures.awaitAuthenticated(third);
        fixtures.awaitAuthenticated(second);
        WorkerFixtures.accept(worker, crowded).then().statusCode(200);
        WorkerFixtures.accept(second, crowded).then().statusCode(200);
        WorkerFixtures.accept(third, crowded).then().statusCode(409).body("error.code", equalTo("max_workers_reached"));
    }

    @Test
    void buyersCannotAccept() {
        var buyer = com.firsthand.common.testing.PublishedCredentials.buyerKey(kafka);
        String jobId = fixtures.job(1, null, null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> WorkerFixtures.accept(buyer.secret(), jobId)
                .then().statusCode(403));
    }

    private void awaitReplica(String jobId) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> jobs.findById(jobId) != null));
    }

    private JobCapacityChanged lastCapacity(String jobId, long sequence) {
        List<JobCapacityChanged> seen = KafkaEvents.awaitPayloads(kafka, Topics.JOB_CAPACITY_CHANGED, jobId,
                JobCapacityChanged.class, events -> events.stream().anyMatch(c -> c.sequence() == sequence));
        assertThat(seen).extracting(JobCapacityChanged::sequence).doesNotHaveDuplicates();
        return seen.stream().filter(c -> c.sequence() == sequence).findFirst().orElseThrow();
    }
}
