package com.firsthand.submissions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.firsthand.submissions.repository.JobReplicaRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Multipart bodies that do not parse, or carry more than one file: a 400 in the error format, nothing stored. */
@io.quarkus.test.junit.QuarkusTest
class MalformedUploadTest {

    private static final String BOUNDARY = "fhboundary";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;
    @Inject
    JobReplicaRepository jobs;
    String worker;
    String jobId;

    @BeforeEach
    void acceptedJob() {
        WorkerFixtures.Holder holder = new WorkerFixtures(kafka).workerHoldingASlot(3);
        worker = holder.worker();
        jobId = holder.jobId();
    }

    @Test
    void aBodyCutOffAnywhereIsA400AndNothingIsStored() throws Exception {
        byte[] whole = body(part("note", null, "front view".getBytes(StandardCharsets.UTF_8)),
                part("file", "photo.jpg", UploadTest.jpeg(64, 48)));
        SoftAssertions softly = new SoftAssertions();
        // Every cut inside the parts: in a boundary, in the part headers, in the file, before the closing boundary.
        for (int cut = 1; cut < whole.length - 4; cut += Math.max(1, whole.length / 40)) {
            assertRefused(softly, "cut at byte " + cut + " of " + whole.length, send(java.util.Arrays.copyOf(whole, cut)));
        }
        assertRefused(softly, "the issue's body", send("--x\r\ngarbage".getBytes(StandardCharsets.US_ASCII), "x"));
        assertRefused(softly, "no boundary parameter", given().auth().oauth2(worker)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("multipart/form-data")
                .body(whole).when().post(path()));
        assertRefused(softly, "another boundary", send(whole, "other"));
        assertRefused(softly, "garbage", send(new byte[] {0, 1, 2, (byte) 0xff}));
        assertRefused(softly, "an empty boundary", send(whole, ""));
        assertRefused(softly, "a part in a charset that does not exist", send(body(part("file", "a.jpg",
                UploadTest.jpeg(8, 8)), ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n"
                + "Content-Type: text/plain; charset=nope\r\n\r\nx\r\n").getBytes(StandardCharsets.UTF_8))));
        assertRefused(softly, "a part without Content-Disposition", send(body(part("file", "a.jpg",
                UploadTest.jpeg(8, 8)), ("--" + BOUNDARY + "\r\nX-Other: y\r\n\r\nx\r\n").getBytes(StandardCharsets.UTF_8))));
        softly.assertAll();
        assertNothingStored();
    }

    @Test
    void oneRequestCarriesOneFile() throws Exception {
        byte[] photo = UploadTest.jpeg(64, 48);
        send(body(part("file", "a.jpg", photo), part("file", "b.jpg", UploadTest.jpeg(48, 64)))).then()
                .statusCode(400).body("error.code", equalTo("parameter_duplicated")).body("error.param", equalTo("file"));
        send(body(part("file", "a.jpg", photo), part("photo", "b.jpg", photo))).then()
                .statusCode(400).body("error.code", equalTo("parameter_unknown")).body("error.param", equalTo("photo"));
        send(body(part("file", "a.jpg", photo), part("note", null, "a".getBytes(StandardCharsets.UTF_8)),
                part("note", null, "b".getBytes(StandardCharsets.UTF_8)))).then()
                .statusCode(400).body("error.code", equalTo("parameter_duplicated")).body("error.param", equalTo("note"));
        assertNothingStored();

        send(body(part("file", "a.jpg", photo))).then().statusCode(200);
    }

    private void assertRefused(SoftAssertions softly, String what, Response response) {
        softly.assertThat(response.statusCode()).as(what + ": " + response.asString()).isEqualTo(400);
        softly.assertThat(response.jsonPath().getString("error.type")).as(what).isEqualTo("invalid_request_error");
        softly.assertThat(response.jsonPath().getString("error.message")).as(what).isNotBlank();
    }

    private void assertNothingStored() {
        var job = QuarkusTransaction.requiringNew().call(() -> jobs.findById(jobId));
        assertThat(job.pending).as("no submission recorded").isZero();
        given().auth().oauth2(worker).when().get("/v1/worker/submissions").then().statusCode(200)
                .body("data.size()", equalTo(0));
    }

    private Response send(byte[] body) {
        return send(body, BOUNDARY);
    }

    private Response send(byte[] body, String boundary) {
        return given().auth().oauth2(worker).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("multipart/form-data; boundary=" + boundary).body(body).when().post(path());
    }

    private String path() {
        return "/v1/worker/jobs/" + jobId + "/submissions";
    }

    private static byte[] part(String name, String fileName, byte[] content) {
        String disposition = "form-data; name=\"" + name + "\"" + (fileName == null ? "" : "; filename=\"" + fileName + "\"");
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: " + disposition + "\r\n"
                + (fileName == null ? "" : "Content-Type: image/jpeg\r\n") + "\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] body(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
