package com.firsthand.submissions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.firsthand.common.ids.Ids;
import com.firsthand.common.testing.KafkaEvents;
import com.firsthand.common.testing.PublishedCredentials;
import com.firsthand.submissions.config.StorageConfig;
import com.firsthand.submissions.repository.FileStorage;
import com.firsthand.submissions.repository.PreviewStore;
import com.firsthand.submissions.service.SweepScoredOriginals;
import io.minio.MinioClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Originals past their use are deleted: approved ones at once (the job folder has the copy), rejected ones later. */
@QuarkusTest
class RejectedRetentionTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;
    @Inject
    MinioClient minio;
    @Inject
    FileStorage storage;
    @Inject
    StorageConfig config;
    @Inject
    SweepScoredOriginals sweep;

    @Test
    void rejectedOriginalsOlderThanTheRetentionAndApprovedOriginalsAreDeleted() throws Exception {
        assertThat(config.rejectedRetention()).isEqualTo(Duration.ofDays(30));
        WorkerFixtures fixtures = new WorkerFixtures(kafka);
        String orgId = Ids.next(Ids.ORGANIZATION);
        String buyer = PublishedCredentials.buyerKey(kafka, orgId).secret();
        List<String> workers = List.of(fixtures.worker(), fixtures.worker(), fixtures.worker());
        workers.forEach(fixtures::awaitAuthenticated);
        String jobId = fixtures.job(orgId, 3, null, null);
        for (String worker : workers) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    WorkerFixtures.accept(worker, jobId).then().statusCode(200));
        }
        byte[] photo = UploadTest.jpeg(320, 240);
        String approved = UnpaidWorkTest.upload(workers.get(0), jobId, photo);
        String old = UnpaidWorkTest.upload(workers.get(1), jobId, photo);
        String young = UnpaidWorkTest.upload(workers.get(2), jobId, photo);
        Instant now = Instant.now();
        KafkaEvents.send(kafka, UnpaidWorkTest.scored(orgId, jobId, approved, 4, now));
        KafkaEvents.send(kafka, UnpaidWorkTest.scored(orgId, jobId, old, 2, now.minus(Duration.ofDays(31))));
        KafkaEvents.send(kafka, UnpaidWorkTest.scored(orgId, jobId, young, 2, now.minus(Duration.ofDays(29))));
        UnpaidWorkTest.awaitStatus(buyer, approved, "approved");
        UnpaidWorkTest.awaitStatus(buyer, old, "rejected");
        UnpaidWorkTest.awaitStatus(buyer, young, "rejected");
        given().auth().oauth2(buyer).when().get("/v1/submissions/" + old + "/preview").then().statusCode(200);
        assertThat(exists(PreviewStore.key(orgId, jobId, old))).isTrue();

        assertThat(sweep.sweep(Instant.now().minus(config.rejectedRetention()))).isGreaterThanOrEqualTo(2);

        assertThat(exists(FileStorage.quarantineKey(orgId, jobId, old))).isFalse();
        assertThat(exists(PreviewStore.key(orgId, jobId, old))).isFalse();
        assertThat(exists(FileStorage.quarantineKey(orgId, jobId, young))).isTrue();
        assertThat(exists(FileStorage.quarantineKey(orgId, jobId, approved))).isFalse();
        given().auth().oauth2(buyer).when().get("/v1/submissions/" + old + "/preview").then().statusCode(410)
                .body("error.code", equalTo("file_deleted"));
        given().auth().oauth2(buyer).when().get("/v1/submissions/" + old).then().statusCode(200)
                .body("preview_url", nullValue()).body("file_url", nullValue());
        given().auth().oauth2(buyer).when().get("/v1/submissions/" + young + "/preview").then().statusCode(200);
        given().auth().oauth2(buyer).when().get("/v1/submissions/" + approved + "/preview").then().statusCode(200);
        String url = given().auth().oauth2(buyer).when().get("/v1/submissions/" + approved).then().statusCode(200)
                .extract().path("file_url");
        assertThat(StoredObjects.download(url)).isEqualTo(photo);

        assertThat(sweep.sweep(Instant.now().minus(config.rejectedRetention()))).isZero();
        assertThat(exists(FileStorage.quarantineKey(orgId, jobId, young))).isTrue();
    }

    private boolean exists(String key) {
        return StoredObjects.exists(minio, storage.bucket(), key);
    }
}
