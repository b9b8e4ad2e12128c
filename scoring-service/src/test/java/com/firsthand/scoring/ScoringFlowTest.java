package com.firsthand.scoring;

import com.firsthand.common.testing.SyntheticPhotos;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.firsthand.common.ids.Ids;
import com.firsthand.common.testing.PublishedCredentials;
import com.firsthand.events.EventEnvelope;
import com.firsthand.events.SubmissionScored;
import com.firsthand.scoring.ScoringFixtures.Job;
import io.minio.MinioClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** submission.uploaded in, submission.scored out, through real Kafka, PostgreSQL and S3Proxy. */
@QuarkusTest
class ScoringFlowTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    MinioClient minio;

    ScoringFixtures fixtures;
    String orgId;

    @BeforeEach
    void setUp() throws Exception {
        fixtures = new ScoringFixtures(kafka, minio);
        orgId = Ids.next(Ids.ORGANIZATION);
    }

    static byte[] goodPhoto(long seed) {
        return SyntheticPhotos.jpeg(SyntheticPhotos.scene(seed, 1600, 1200), 0.9f);
    }

    @Test
    void aGoodPhotoIsApprovedAndChargedOnceHoweverOftenItArrives() throws Exception {
        String buyer = PublishedCredentials.buyerKey(kafka, orgId).secret();
        EventEnvelope upload = fixtures.upload(Job.photos(orgId), "wkr_a", goodPhoto(1), "image/jpeg");

        SubmissionScored scored = fixtures.scored(upload);
        assertThat(scored.aiStarRating()).isBetween(4, 5);
        assertThat(scored.scorer()).isEqualTo("local");
        assertThat(scored.preScoring()).isFalse();
        assertThat(scored.creditsCharged()).isEqualTo(1);
        assertThat(scored.aiReasoning()).contains("Laplacian variance").contains("Content not judged");
        assertThat(scored.checks()).extracting(SubmissionScored.Check::name).contains("format", "sharpness");

        fixtures.redeliver(upload);
        fixtures.redeliver(new EventEnvelope(Ids.next(Ids.EVENT), upload.type(), 1, upload.occurredAt(),
                upload.orgId(), upload.aggregateType(), upload.aggregateId(), upload.payload()));
        EventEnvelope later = fixtures.upload(Job.photos(orgId), "wkr_b", goodPhoto(2), "image/jpeg");
        fixtures.scored(later);

        assertThat(fixtures.allScores(upload)).hasSize(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(buyer).when()
                .get("/v1/usage").then().statusCode(200).body("credits_used", equalTo(2))
                .body("submissions_scored", equalTo(2)));
    }

    @Test
    void belowTheJobsMinimumIsRejectedBeforeScoringWithoutCredit() throws Exception {
        Job job = Job.photos(orgId).withMinimum(2000, 1500);
        SubmissionScored scored = fixtures.scored(fixtures.upload(job, "wkr_a", goodPhoto(3), "image/jpeg"));
        assertThat(scored.aiStarRating()).isEqualTo(1);
        assertThat(scored.preScoring()).isTrue();
        assertThat(scored.creditsCharged()).isZero();
        assertThat(scored.scorer()).isEqualTo("pre-scoring");
        assertThat(scored.aiReasoning()).contains("1600×1200").contains("2000×1500");
    }

    @Test
    void corruptFilesAndOtherFormatsAreRejectedBeforeScoring() throws Exception {
        byte[] photo = goodPhoto(4);
        byte[] truncated = Arrays.copyOf(photo, photo.length / 3);
        SubmissionScored corrupt = fixtures.scored(fixtures.upload(Job.photos(orgId), "wkr_a", truncated, "image/jpeg"));
        assertThat(corrupt.aiStarRating()).isEqualTo(1);
        assertThat(corrupt.aiReasoning()).contains("corrupt");

        byte[] text = "just some words".getBytes(StandardCharsets.UTF_8);
        SubmissionScored wrongType = fixtures.scored(fixtures.upload(Job.photos(orgId), "wkr_a", text, "image/jpeg"));
        assertThat(wrongType.preScoring()).isTrue();
        assertThat(wrongType.aiReasoning()).contains("text/plain").contains("not one of the accepted formats");
    }

    @Test
    void readableTextGetsTheBasicCheck() throws Exception {
        byte[] text = "Observed twelve mailboxes on Elm Street, all painted green.".getBytes(StandardCharsets.UTF_8);
        SubmissionScored scored = fixtures.scored(fixtures.upload(Job.photos(orgId).accepting("text/plain"), "wkr_t",
                text, "text/plain"));
        assertThat(scored.aiStarRating()).isEqualTo(3);
        assertThat(scored.aiReasoning()).contains("9 words").contains("Content not judged");
        assertThat(scored.creditsCharged()).isEqualTo(1);
    }

    @Test
    void nearDuplicatesAndByteCopiesAreRejectedNamingTheEarlierSubmission() throws Exception {
        Job job = Job.photos(orgId);
        byte[] original = goodPhoto(5);
        EventEnvelope first = fixtures.upload(job, "wkr_a", original, "image/jpeg");
        assertThat(fixtures.scored(first).aiStarRating()).isGreaterThanOrEqualTo(3);

        byte[] resized = SyntheticPhotos.jpeg(SyntheticPhotos.resized(SyntheticPhotos.scene(5, 1600, 1200), 1200, 900), 0.6f);
        SubmissionScored copy = fixtures.scored(fixtures.upload(job, "wkr_b", resized, "image/jpeg"));
        assertThat(copy.aiStarRating()).isEqualTo(1);
        assertThat(copy.preScoring()).isTrue();
        assertThat(copy.aiReasoning()).contains("near-duplicate").contains(first.aggregateId());

        SubmissionScored sameBytesOtherJob = fixtures.scored(fixtures.upload(Job.photos(orgId), "wkr_a", original,
                "image/jpeg"));
        assertThat(sameBytesOtherJob.aiReasoning()).contains("byte-for-byte identical").contains(first.aggregateId());

        SubmissionScored different = fixtures.scored(fixtures.upload(job, "wkr_b", goodPhoto(6), "image/jpeg"));
        assertThat(different.aiStarRating()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void copiesUploadedAtTheSameMomentLetOnlyOneThrough() throws Exception {
        Job job = Job.photos(orgId);
        byte[] photo = goodPhoto(7);
        List<EventEnvelope> uploads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            byte[] variant = i == 0 ? photo
                    : SyntheticPhotos.jpeg(SyntheticPhotos.resized(SyntheticPhotos.scene(7, 1600, 1200), 1600 - i * 40,
                            1200 - i * 30), 0.8f);
            uploads.add(fixtures.upload(job, "wkr_" + i, variant, "image/jpeg"));
        }
        long approved = uploads.stream().map(fixtures::scored).filter(s -> s.aiStarRating() >= 3).count();
        assertThat(approved).isEqualTo(1);
    }

    @Test
    void theLocationIsCheckedFromExifGps() throws Exception {
        Job austin = Job.photos(orgId).near(30.2672, -97.7431, 15);
        byte[] photo = goodPhoto(8);
        SubmissionScored far = fixtures.scored(fixtures.upload(austin, "wkr_a",
                SyntheticPhotos.withGps(photo, 32.7767, -96.7970), "image/jpeg"));
        assertThat(far.aiStarRating()).isEqualTo(1);
        assertThat(far.aiReasoning()).contains("km from the job location").contains("allowed: 15.0 km");

        SubmissionScored near = fixtures.scored(fixtures.upload(austin.near(30.2672, -97.7431, 15), "wkr_b",
                SyntheticPhotos.withGps(goodPhoto(9), 30.30, -97.75), "image/jpeg"));
        assertThat(near.aiStarRating()).isGreaterThanOrEqualTo(3);
        assertThat(near.checks()).anySatisfy(c -> assertThat(c.detail()).contains("km from the job location"));

        SubmissionScored unknown = fixtures.scored(fixtures.upload(austin.near(30.2672, -97.7431, 15), "wkr_c",
                goodPhoto(10), "image/jpeg"));
        assertThat(unknown.aiStarRating()).isGreaterThanOrEqualTo(3);
        assertThat(unknown.aiReasoning()).contains("no GPS position");
        assertThat(far.location()).isEqualTo(new SubmissionScored.Location("outside", 293.1));
        assertThat(near.location().status()).isEqualTo("verified");
        assertThat(near.location().distanceKm()).isEqualTo(3.7);
        assertThat(unknown.location()).isEqualTo(new SubmissionScored.Location("unverified", null));
    }

    @Test
    void aJobRequiringLocationRejectsAPhotoWithoutGpsBeforeScoring() throws Exception {
        Job austin = Job.photos(orgId).near(30.2672, -97.7431, 15).requiringLocation();

        SubmissionScored unknown = fixtures.scored(fixtures.upload(austin, "wkr_a", goodPhoto(11), "image/jpeg"));
        SubmissionScored near = fixtures.scored(fixtures.upload(austin, "wkr_b",
                SyntheticPhotos.withGps(goodPhoto(12), 30.30, -97.75), "image/jpeg"));

        assertThat(unknown.aiStarRating()).isEqualTo(1);
        assertThat(unknown.preScoring()).isTrue();
        assertThat(unknown.creditsCharged()).isZero();
        assertThat(unknown.aiReasoning()).contains("requires one").contains("Turn on location");
        assertThat(unknown.location()).isEqualTo(new SubmissionScored.Location("unverified", null));
        assertThat(near.aiStarRating()).isGreaterThanOrEqualTo(3);
        assertThat(near.location().status()).isEqualTo("verified");
    }

    @Test
    void aJobWithoutALocationHasNoLocationFacts() throws Exception {
        SubmissionScored scored = fixtures.scored(fixtures.upload(Job.photos(orgId), "wkr_a",
                SyntheticPhotos.withGps(goodPhoto(13), 30.30, -97.75), "image/jpeg"));

        assertThat(scored.location()).isNull();
    }
}
