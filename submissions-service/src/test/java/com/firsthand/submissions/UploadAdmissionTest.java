package com.firsthand.submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.firsthand.submissions.service.UploadsInFlight;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Uploads are admitted from their headers, before their bodies are spooled to the uploads directory: the
 * assignment, the worker's uploads in flight and the pod's spool budget (4 MiB in the test profile).
 */
@QuarkusTest
class UploadAdmissionTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;
    @ConfigProperty(name = "quarkus.http.body.uploads-directory")
    String spool;
    @Inject
    UploadsInFlight inFlight;

    @Test
    void anUploadWithoutAnAssignmentIsRefusedBeforeItsBodyIsStored() throws Exception {
        WorkerFixtures fixtures = new WorkerFixtures(kafka);
        String worker = fixtures.worker();
        fixtures.awaitAuthenticated(worker);
        String jobId = fixtures.job(3, null, null);
        WorkerFixtures.Holder other = fixtures.workerHoldingASlot(3);
        Set<Path> before = spooled();

        try (HeldUpload upload = HeldUpload.start(RestAssured.port, worker, jobId, HeldUpload.filler(1_000_000))) {
            String response = upload.responseWithoutTheRest(PROMPTLY);
            assertThat(response).startsWith("HTTP/1.1 409").contains("\"no_active_assignment\"");
            assertThat(spooled()).as("nothing of the body reached the uploads directory").isEqualTo(before);
        }
        try (HeldUpload upload = HeldUpload.start(RestAssured.port, worker, other.jobId(),
                HeldUpload.filler(1_000_000))) {
            assertThat(upload.responseWithoutTheRest(PROMPTLY)).as("another worker's job")
                    .startsWith("HTTP/1.1 409").contains("\"no_active_assignment\"");
            assertThat(spooled()).isEqualTo(before);
        }
        try (HeldUpload upload = HeldUpload.start(RestAssured.port, worker, "job_nosuchjob",
                HeldUpload.filler(1_000_000))) {
            assertThat(upload.responseWithoutTheRest(PROMPTLY)).startsWith("HTTP/1.1 404");
        }
    }

    @Test
    void aWorkersThirdConcurrentUploadIsA429WhileTwoProceedAndEveryEndingFreesItsPlace() throws Exception {
        WorkerFixtures fixtures = new WorkerFixtures(kafka);
        WorkerFixtures.Holder holder = fixtures.workerHoldingASlot(3);
        String worker = holder.worker();
        String second = acceptedJob(fixtures, worker);
        String third = acceptedJob(fixtures, worker);
        byte[] jpeg = UploadTest.jpeg(64, 48);
        int before = spooled().size();

        HeldUpload first = HeldUpload.start(RestAssured.port, worker, holder.jobId(), HeldUpload.filler(600_000));
        HeldUpload next = HeldUpload.start(RestAssured.port, worker, second, HeldUpload.filler(600_000));
        await().atMost(PROMPTLY).until(() -> spooled().size() == before + 2);

        UploadTest.upload(worker, third, "c.jpg", "image/jpeg", jpeg).then().statusCode(429)
                .header("Retry-After", notNullValue()).body("error.type", equalTo("rate_limit_error"))
                .body("error.code", equalTo("too_many_concurrent_uploads"));

        first.abort();
        assertThat(next.finish()).startsWith("HTTP/1.1 200");
        next.close();
        // Released when each request ends: the dropped one and the answered one.
        await().atMost(PROMPTLY).until(() -> inFlight.spooledBytes() == 0);
        UploadTest.upload(worker, third, "c.jpg", "image/jpeg", jpeg).then().statusCode(200);
        await().atMost(PROMPTLY).until(() -> inFlight.spooledBytes() == 0);
    }

    /** A body without a declared length counts as the body limit (3 MiB in the test profile, budget 4 MiB). */
    @Test
    void uploadsBeyondThePodsSpoolBudgetAreA503() throws Exception {
        WorkerFixtures fixtures = new WorkerFixtures(kafka);
        WorkerFixtures.Holder one = fixtures.workerHoldingASlot(3);
        WorkerFixtures.Holder two = fixtures.workerHoldingASlot(3);
        int before = spooled().size();
        byte[] jpeg = UploadTest.jpeg(64, 48);

        try (HeldUpload big = HeldUpload.start(RestAssured.port, one.worker(), one.jobId(),
                HeldUpload.filler(1_900_000))) {
            await().atMost(PROMPTLY).until(() -> spooled().size() == before + 1);
            UploadTest.upload(two.worker(), two.jobId(), "b.jpg", "image/jpeg", jpeg).then().statusCode(503)
                    .header("Retry-After", notNullValue()).body("error.type", equalTo("api_error"))
                    .body("error.code", equalTo("upload_capacity_exhausted"));
            assertThat(big.finish()).startsWith("HTTP/1.1 200");
        }
        await().atMost(PROMPTLY).until(() -> inFlight.spooledBytes() == 0);
        UploadTest.upload(two.worker(), two.jobId(), "b.jpg", "image/jpeg", jpeg).then().statusCode(200);
    }

    private static String acceptedJob(WorkerFixtures fixtures, String worker) {
        String jobId = fixtures.job(3, null, null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> WorkerFixtures.accept(worker, jobId).then()
                .statusCode(200));
        return jobId;
    }

    private Set<Path> spooled() throws IOException {
        Path dir = Path.of(spool);
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.collect(Collectors.toSet());
        }
    }
}
