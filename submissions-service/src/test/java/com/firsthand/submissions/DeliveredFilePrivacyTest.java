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
import com.firsthand.submissions.domain.metadata.MetadataBytes;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Buyers get the work, not the worker: delivered photos carry no GPS or device data, only the verified facts. */
@QuarkusTest
class DeliveredFilePrivacyTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;
    @Inject
    MinioClient minio;

    @Test
    void anApprovedPhotoIsDeliveredWithoutMetadataWithItsPixelsAndTheVerifiedLocation() throws Exception {
        WorkerFixtures fixtures = new WorkerFixtures(kafka);
        String orgId = Ids.next(Ids.ORGANIZATION);
        String buyer = PublishedCredentials.buyerKey(kafka, orgId).secret();
        String worker = fixtures.worker();
        fixtures.awaitAuthenticated(worker);
        String jobId = fixtures.jobWithLocation(orgId, false);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> WorkerFixtures.accept(worker, jobId).then()
                .statusCode(200));
        byte[] photo = MetadataBytes.phoneJpeg(6);
        String submissionId = UploadTest.upload(worker, jobId, "home.jpg", "image/jpeg", photo).then()
                .statusCode(200).extract().path("id");

        EventEnvelope score = scored(orgId, jobId, submissionId, new SubmissionScored.Location("verified", 3.2));
        KafkaEvents.send(kafka, score);
        KafkaEvents.send(kafka, score);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(buyer)
                .when().get("/v1/jobs/" + jobId + "/files").then().statusCode(200).body("data.size()", equalTo(1)));
        var file = given().auth().oauth2(buyer).when().get("/v1/jobs/" + jobId + "/files").then()
                .body("data[0].location.verified", equalTo(true)).body("data[0].location.status", equalTo("verified"))
                .body("data[0].location.distance_km", equalTo(3.2f)).extract().jsonPath();
        byte[] delivered = StoredObjects.download(file.getString("data[0].url"));

        JpegImageMetadata metadata = (JpegImageMetadata) Imaging.getMetadata(delivered);
        assertThat(metadata.getExif().getGpsInfo()).isNull();
        assertThat(metadata.getExif().getAllFields()).hasSize(1);
        assertThat(metadata.findExifValue(TiffTagConstants.TIFF_TAG_ORIENTATION).getIntValue()).isEqualTo(6);
        assertThat(Imaging.getXmpXml(delivered)).isNull();
        assertThat(new String(delivered, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("SERIAL-12345");
        assertThat(MetadataBytes.pixels(MetadataBytes.decode(delivered)))
                .isEqualTo(MetadataBytes.pixels(MetadataBytes.decode(photo)));
        assertThat(file.getLong("data[0].size_bytes")).isEqualTo(delivered.length).isLessThan(photo.length);
        given().auth().oauth2(buyer).when().get("/v1/submissions/" + submissionId).then()
                .body("location.verified", equalTo(true)).body("location.distance_km", equalTo(3.2f));
        assertThat(StreamSupport.stream(minio.listObjects(ListObjectsArgs.builder().bucket("firsthand")
                .prefix("orgs/" + orgId + "/jobs/" + jobId + "/files/").recursive(true).build()).spliterator(), false)
                .count()).isEqualTo(1);
    }

    @Test
    void aJobWithoutALocationShowsNoLocationFacts() throws Exception {
        WorkerFixtures fixtures = new WorkerFixtures(kafka);
        String orgId = Ids.next(Ids.ORGANIZATION);
        String buyer = PublishedCredentials.buyerKey(kafka, orgId).secret();
        String worker = fixtures.worker();
        fixtures.awaitAuthenticated(worker);
        String jobId = fixtures.job(orgId, 1, null, null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> WorkerFixtures.accept(worker, jobId).then()
                .statusCode(200));
        String submissionId = UploadTest.upload(worker, jobId, "a.jpg", "image/jpeg", UploadTest.jpeg(320, 240))
                .then().statusCode(200).extract().path("id");

        KafkaEvents.send(kafka, scored(orgId, jobId, submissionId, null));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(buyer)
                .when().get("/v1/jobs/" + jobId + "/files").then().statusCode(200).body("data.size()", equalTo(1))
                .body("data[0].location", nullValue()));
    }

    private static EventEnvelope scored(String orgId, String jobId, String submissionId,
            SubmissionScored.Location location) {
        SubmissionScored payload = new SubmissionScored(submissionId, jobId, orgId, "wkr_x", 4, "test: 4 stars",
                false, 1, List.of(), "test", Instant.now(), location);
        return new EventEnvelope(Ids.next(Ids.EVENT), Topics.SUBMISSION_SCORED, 1, Instant.now(), orgId,
                "submission", submissionId, EventJson.toTree(payload));
    }
}
