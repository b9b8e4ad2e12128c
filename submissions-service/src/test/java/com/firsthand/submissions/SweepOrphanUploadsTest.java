package com.firsthand.submissions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.firsthand.common.ids.Ids;
import com.firsthand.common.testing.KafkaEvents;
import com.firsthand.common.testing.PublishedCredentials;
import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import com.firsthand.events.SubmissionScored;
import com.firsthand.events.Topics;
import com.firsthand.submissions.repository.FileStorage;
import com.firsthand.submissions.service.SweepOrphanUploads;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SweepOrphanUploadsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;
    @Inject
    MinioClient minio;
    @Inject
    FileStorage storage;
    @Inject
    SweepOrphanUploads sweep;

    @Test
    void uploadsNoSubmissionRefersToAreDeletedOnceOlderThanTheCutoff() throws Exception {
        WorkerFixtures fixtures = new WorkerFixtures(kafka);
        String orgId = Ids.next(Ids.ORGANIZATION);
        String buyer = PublishedCredentials.buyerKey(kafka, orgId).secret();
        String first = fixtures.worker();
        String second = fixtures.worker();
        fixtures.awaitAuthenticated(first);
        fixtures.awaitAuthenticated(second);
        String jobId = fixtures.job(orgId, 2, null, null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> WorkerFixtures.accept(first, jobId).then()
                .statusCode(200));
        WorkerFixtures.accept(second, jobId).then().statusCode(200);
        byte[] photo = UploadTest.jpeg(320, 240);
        String pending = UploadTest.upload(first, jobId, "a.jpg", "image/jpeg", photo).then().statusCode(200)
                .extract().path("id");
        String approved = UploadTest.upload(second, jobId, "b.jpg", "image/jpeg", photo).then().statusCode(200)
                .extract().path("id");
        KafkaEvents.send(kafka, scored(orgId, jobId, approved, 4));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(buyer)
                .when().get("/v1/submissions/" + approved).then().statusCode(200).body("status", equalTo("approved")));

        List<String> orphans = List.of(orphan(orgId, jobId), orphan(orgId, jobId), orphan(orgId, jobId));
        String foreign = FileStorage.QUARANTINE + orgId + "/readme.txt";
        put(foreign);

        // Small pages, so that listing resumes after a page whose objects were just deleted.
        assertThat(sweep.sweep(Instant.now().minus(Duration.ofHours(1)), 2)).isZero();
        assertThat(orphans).allMatch(this::exists);

        assertThat(sweep.sweep(Instant.now().plus(Duration.ofHours(1)), 2)).isGreaterThanOrEqualTo(orphans.size());
        assertThat(orphans).noneMatch(this::exists);
        assertThat(exists(foreign)).isTrue();
        assertThat(exists(FileStorage.quarantineKey(orgId, jobId, pending))).isTrue();
        assertThat(exists(FileStorage.quarantineKey(orgId, jobId, approved))).isTrue();
        // Pending work is kept, but not handed out: no file link before approval.
        given().auth().oauth2(buyer).when().get("/v1/submissions/" + pending).then().statusCode(200)
                .body("file_url", nullValue());
        assertThat(download(buyer, approved)).isEqualTo(photo);

        assertThat(sweep.sweep(Instant.now().plus(Duration.ofHours(1)), 2)).isZero();
    }

    private String orphan(String orgId, String jobId) throws Exception {
        String key = FileStorage.quarantineKey(orgId, jobId, Ids.next(Ids.SUBMISSION));
        put(key);
        return key;
    }

    private void put(String key) throws Exception {
        byte[] bytes = "stored, never recorded".getBytes(StandardCharsets.UTF_8);
        minio.putObject(PutObjectArgs.builder().bucket(storage.bucket()).object(key)
                .stream(new ByteArrayInputStream(bytes), bytes.length, -1).build());
    }

    private boolean exists(String key) {
        return StoredObjects.exists(minio, storage.bucket(), key);
    }

    private static byte[] download(String buyer, String submissionId) throws Exception {
        String url = given().auth().oauth2(buyer).when().get("/v1/submissions/" + submissionId).then()
                .statusCode(200).extract().path("file_url");
        return StoredObjects.download(url);
    }

    private static EventEnvelope scored(String orgId, String jobId, String submissionId, int stars) {
        SubmissionScored payload = new SubmissionScored(submissionId, jobId, orgId, "wkr_x", stars,
                "test: " + stars + " stars", false, 1, List.of(), "test", Instant.now());
        return new EventEnvelope(Ids.next(Ids.EVENT), Topics.SUBMISSION_SCORED, 1, Instant.now(), orgId,
                "submission", submissionId, EventJson.toTree(payload));
    }
}
