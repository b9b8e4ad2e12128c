package com.firsthand.submissions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.firsthand.common.testing.KafkaEvents;
import com.firsthand.events.SubmissionUploaded;
import com.firsthand.events.Topics;
import com.firsthand.submissions.repository.JobReplicaRepository;
import com.firsthand.submissions.repository.StorageHttpClient;
import com.firsthand.submissions.repository.SubmissionRepository;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.quarkiverse.minio.client.OptionalHttpClientProducer;
import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UploadTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;
    @Inject
    MinioClient minio;
    @Inject
    OptionalHttpClientProducer httpClients;
    @Inject
    JobReplicaRepository jobs;
    @Inject
    SubmissionRepository submissions;
    WorkerFixtures fixtures;
    String worker;
    String jobId;

    @BeforeEach
    void acceptedJob() {
        fixtures = new WorkerFixtures(kafka);
        WorkerFixtures.Holder holder = fixtures.workerHoldingASlot(3);
        worker = holder.worker();
        jobId = holder.jobId();
    }

    @Test
    void theObjectStoreClientTakesItsHttpClientFromStorageHttpClient() {
        // The MinIO extension builds the MinioClient with the OptionalHttpClientProducer bean: it must be ours, or
        // firsthand.storage.trust-ca would be ignored.
        assertThat(ClientProxy.unwrap(httpClients)).isInstanceOf(StorageHttpClient.class);
    }

    @Test
    void aRealJpegIsStoredInQuarantineAndAnnouncedForScoring() throws Exception {
        byte[] jpeg = jpeg(640, 480);
        String submissionId = upload(worker, jobId, "photo.jpg", "application/octet-stream", jpeg)
                .then().statusCode(200).body("object", equalTo("submission")).body("id", startsWith("sub_"))
                .body("status", equalTo("pending_score")).body("content_type", equalTo("image/jpeg"))
                .body("size_bytes", equalTo(jpeg.length)).extract().path("id");

        SubmissionUploaded event = uploadedEvent(submissionId);
        assertThat(event.objectKey()).startsWith("quarantine/").endsWith(submissionId);
        assertThat(event.width()).isEqualTo(640);
        assertThat(event.height()).isEqualTo(480);
        assertThat(event.jobDescription()).isEqualTo("Mailboxes");
        StatObjectResponse stored = minio.statObject(StatObjectArgs.builder().bucket(event.bucket())
                .object(event.objectKey()).build());
        assertThat(stored.size()).isEqualTo(jpeg.length);

        var job = QuarkusTransaction.requiringNew().call(() -> jobs.findById(jobId));
        assertThat(job.pending).isEqualTo(1);
        assertThat(job.held).isZero();
        upload(worker, jobId, "again.jpg", "image/jpeg", jpeg).then().statusCode(409)
                .body("error.code", equalTo("no_active_assignment"));
    }

    @Test
    void aRetryAfterTheUploadWentThroughGetsTheSameSubmissionNotAConflict() throws Exception {
        byte[] jpeg = jpeg(320, 240);
        String key = UUID.randomUUID().toString();
        io.restassured.response.Response first = upload(worker, jobId, "photo.jpg", "image/jpeg", jpeg, key);
        first.then().statusCode(200);
        upload(worker, jobId, "photo.jpg", "image/jpeg", jpeg, key).then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first.path("id")));
        upload(worker, jobId, "photo.jpg", "image/jpeg", jpeg(321, 240), key).then().statusCode(422)
                .body("error.code", equalTo("idempotency_key_reused"));
        var job = QuarkusTransaction.requiringNew().call(() -> jobs.findById(jobId));
        assertThat(job.pending).as("one submission").isEqualTo(1);
    }

    @Test
    void theTypeComesFromTheBytesNotTheClaim() {
        upload(worker, jobId, "photo.jpg", "image/jpeg", "just some text, not a photo".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(415).body("error.code", equalTo("unsupported_file_type"))
                .body("error.param", equalTo("file"));
    }

    @Test
    void corruptImagesAndDecompressionBombsAreRefusedFromTheHeader() throws Exception {
        byte[] jpeg = jpeg(100, 100);
        byte[] truncated = java.util.Arrays.copyOf(jpeg, 20);
        upload(worker, jobId, "broken.jpg", "image/jpeg", truncated).then().statusCode(400)
                .body("error.param", equalTo("file"));
        upload(worker, jobId, "bomb.png", "image/png", pngHeader(100_000, 100_000)).then().statusCode(400)
                .body("error.message", org.hamcrest.Matchers.containsString("100000x100000"));
    }

    @Test
    void tooLargeFilesAre413AndAFileIsRequired() {
        byte[] big = new byte[2_500_000];
        new Random(1).nextBytes(big);
        upload(worker, jobId, "big.bin", "image/jpeg", big).then().statusCode(413)
                .body("error.code", equalTo("file_too_large"));
        given().auth().oauth2(worker).header("Idempotency-Key", UUID.randomUUID().toString())
                .multiPart("note", "no file").when().post("/v1/worker/jobs/" + jobId + "/submissions")
                .then().statusCode(400).body("error.param", equalTo("file"));
    }

    @Test
    void aNoteOfAThousandCharactersInAnyScriptIsKeptWhileALongerNoteOrAPathAsFileNameIsA400() throws Exception {
        byte[] jpeg = jpeg(320, 240);
        String tooLong = "x".repeat(1_001);
        given().auth().oauth2(worker).header("Idempotency-Key", UUID.randomUUID().toString())
                .multiPart("file", "photo.jpg", jpeg, "image/jpeg").multiPart("note", tooLong)
                .when().post("/v1/worker/jobs/" + jobId + "/submissions")
                .then().statusCode(400).body("error.param", equalTo("note"));
        upload(worker, jobId, "../../etc/passwd", "image/jpeg", jpeg).then().statusCode(400)
                .body("error.param", equalTo("file")).body("error.message", containsString("path"));

        // 1,000 characters of three UTF-8 bytes each: 3,000 bytes, past the server's default form field limit.
        String note = "写".repeat(1_000);
        String submissionId = given().auth().oauth2(worker).header("Idempotency-Key", UUID.randomUUID().toString())
                .multiPart("file", "photo.jpg", jpeg, "image/jpeg")
                .multiPart(new io.restassured.builder.MultiPartSpecBuilder(note).controlName("note")
                        .charset(StandardCharsets.UTF_8).build())
                .when().post("/v1/worker/jobs/" + jobId + "/submissions")
                .then().statusCode(200).extract().path("id");
        assertThat(QuarkusTransaction.requiringNew().call(() -> submissions.findById(submissionId).note))
                .isEqualTo(note);
    }

    static io.restassured.response.Response upload(String token, String jobId, String name, String claimedType,
            byte[] bytes) {
        return upload(token, jobId, name, claimedType, bytes, UUID.randomUUID().toString());
    }

    static io.restassured.response.Response upload(String token, String jobId, String name, String claimedType,
            byte[] bytes, String idempotencyKey) {
        return given().auth().oauth2(token).header("Idempotency-Key", idempotencyKey)
                .multiPart("file", name, bytes, claimedType).when().post("/v1/worker/jobs/" + jobId + "/submissions");
    }

    static byte[] jpeg(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /** A PNG signature and IHDR chunk announcing huge dimensions, with no pixel data behind them. */
    static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }

    private SubmissionUploaded uploadedEvent(String submissionId) {
        return KafkaEvents.awaitPayloads(kafka, Topics.SUBMISSION_UPLOADED, submissionId, SubmissionUploaded.class,
                events -> !events.isEmpty()).get(0);
    }
}
