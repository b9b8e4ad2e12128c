package com.firsthand.submissions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.firsthand.common.ids.Ids;
import com.firsthand.common.testing.KafkaEvents;
import com.firsthand.common.testing.PublishedCredentials;
import com.firsthand.common.testing.SyntheticPhotos;
import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import com.firsthand.events.SubmissionScored;
import com.firsthand.events.SubmissionStatusChanged;
import com.firsthand.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Buyers get the full file of approved work only; before that a preview without the photo's metadata. */
@QuarkusTest
class UnpaidWorkTest {

    /** %test.firsthand.preview.max-side */
    static final int PREVIEW_MAX_SIDE = 320;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void unapprovedWorkHasNoFileLinkOnlyAPreviewWithoutMetadata() throws Exception {
        WorkerFixtures fixtures = new WorkerFixtures(kafka);
        String orgId = Ids.next(Ids.ORGANIZATION);
        String buyer = PublishedCredentials.buyerKey(kafka, orgId).secret();
        String stranger = PublishedCredentials.buyerKey(kafka).secret();
        List<String> workers = List.of(fixtures.worker(), fixtures.worker(), fixtures.worker());
        workers.forEach(fixtures::awaitAuthenticated);
        String jobId = fixtures.job(orgId, 3, null, null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> WorkerFixtures.accept(workers.get(0), jobId)
                .then().statusCode(200));
        WorkerFixtures.accept(workers.get(1), jobId).then().statusCode(200);
        WorkerFixtures.accept(workers.get(2), jobId).then().statusCode(200);
        byte[] paid = UploadTest.jpeg(400, 300);
        byte[] located = SyntheticPhotos.withGps(SyntheticPhotos.jpeg(SyntheticPhotos.scene(3, 1200, 900), 0.85f),
                51.5007, -0.1246);
        assertThat(JpegSegments.markers(located)).contains(JpegSegments.APP1);
        String approved = upload(workers.get(0), jobId, paid);
        String rejected = upload(workers.get(1), jobId, located);
        String pending = upload(workers.get(2), jobId, located);
        KafkaEvents.send(kafka, scored(orgId, jobId, approved, 4, Instant.now()));
        KafkaEvents.send(kafka, scored(orgId, jobId, rejected, 2, Instant.now()));
        awaitStatus(buyer, approved, "approved");
        awaitStatus(buyer, rejected, "rejected");

        for (String path : List.of("/v1/submissions?job_id=" + jobId, "/v1/jobs/" + jobId + "/submissions")) {
            Response list = given().auth().oauth2(buyer).when().get(path);
            list.then().statusCode(200).body("data.size()", equalTo(3));
            assertThat(list.<String>path("data.find { it.id == '" + pending + "' }.file_url")).isNull();
            assertThat(list.<String>path("data.find { it.id == '" + rejected + "' }.file_url")).isNull();
            assertThat(list.<String>path("data.find { it.id == '" + approved + "' }.file_url")).startsWith("http");
            assertThat(list.<String>path("data.find { it.id == '" + rejected + "' }.preview_url"))
                    .isEqualTo("/v1/submissions/" + rejected + "/preview");
        }
        for (String unpaid : List.of(pending, rejected)) {
            given().auth().oauth2(buyer).when().get("/v1/submissions/" + unpaid).then().statusCode(200)
                    .body("file_url", nullValue()).body("preview_url", equalTo("/v1/submissions/" + unpaid
                            + "/preview"));
        }
        String url = given().auth().oauth2(buyer).when().get("/v1/submissions/" + approved).then().statusCode(200)
                .body("preview_url", equalTo("/v1/submissions/" + approved + "/preview")).extract().path("file_url");
        assertThat(StoredObjects.download(url)).isEqualTo(paid);

        for (String unpaid : List.of(rejected, pending)) {
            Response preview = given().auth().oauth2(buyer).when().get("/v1/submissions/" + unpaid + "/preview");
            preview.then().statusCode(200).contentType("image/jpeg").header("Cache-Control", startsWith("private"));
            byte[] jpeg = preview.asByteArray();
            assertThat(JpegSegments.markers(jpeg)).doesNotContain(JpegSegments.APP1, JpegSegments.APP2,
                    JpegSegments.APP13);
            assertThat(new String(jpeg, StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("GPS");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
            assertThat(Math.max(image.getWidth(), image.getHeight())).isEqualTo(PREVIEW_MAX_SIDE);
            assertThat(jpeg).isNotEqualTo(located);
        }
        // Made once, then served from the store: the same bytes again.
        assertThat(given().auth().oauth2(buyer).when().get("/v1/submissions/" + rejected + "/preview").asByteArray())
                .isEqualTo(given().auth().oauth2(buyer).when().get("/v1/submissions/" + rejected + "/preview")
                        .asByteArray());
        given().auth().oauth2(buyer).when().get("/v1/submissions/" + approved + "/preview").then().statusCode(200)
                .contentType("image/jpeg");

        given().auth().oauth2(stranger).when().get("/v1/submissions/" + rejected + "/preview").then()
                .statusCode(404).body("error.code", equalTo("resource_missing"));
        given().auth().oauth2(buyer).when().get("/v1/submissions/sub_nothing/preview").then().statusCode(404);
        given().auth().oauth2(workers.get(1)).when().get("/v1/submissions/" + rejected + "/preview").then()
                .statusCode(403);
        given().when().get("/v1/submissions/" + rejected + "/preview").then().statusCode(401);
    }

    @Test
    void aRejectedSubmissionsEventCarriesNoFileLink() throws Exception {
        WorkerFixtures.Holder holder = new WorkerFixtures(kafka).workerHoldingASlot(2);
        String submissionId = upload(holder.worker(), holder.jobId(), UploadTest.jpeg(320, 240));
        KafkaEvents.send(kafka, scored("org_test", holder.jobId(), submissionId, 1, Instant.now()));

        SubmissionStatusChanged change = KafkaEvents.awaitPayloads(kafka, Topics.SUBMISSION_STATUS_CHANGED,
                submissionId, SubmissionStatusChanged.class, seen -> !seen.isEmpty()).get(0);

        assertThat(change.to()).isEqualTo("rejected");
        assertThat(change.fileUrl()).isNull();
        assertThat(change.fileUrlExpiresAt()).isNull();
        assertThat(change.previewUrl()).isEqualTo("/v1/submissions/" + submissionId + "/preview");
    }

    static String upload(String worker, String jobId, byte[] jpeg) {
        return UploadTest.upload(worker, jobId, "photo.jpg", "image/jpeg", jpeg).then().statusCode(200)
                .extract().path("id");
    }

    static void awaitStatus(String buyer, String submissionId, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(buyer)
                .when().get("/v1/submissions/" + submissionId).then().statusCode(200).body("status", equalTo(status)));
    }

    static EventEnvelope scored(String orgId, String jobId, String submissionId, int stars, Instant scoredAt) {
        SubmissionScored payload = new SubmissionScored(submissionId, jobId, orgId, "wkr_x", stars,
                "test: " + stars + " stars", false, 1, List.of(), "test", scoredAt);
        return new EventEnvelope(Ids.next(Ids.EVENT), Topics.SUBMISSION_SCORED, 1, Instant.now(), orgId,
                "submission", submissionId, EventJson.toTree(payload));
    }
}
