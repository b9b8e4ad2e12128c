package com.firsthand.scoring;

import com.firsthand.common.ids.Ids;
import com.firsthand.common.testing.KafkaEvents;
import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import com.firsthand.events.SubmissionScored;
import com.firsthand.events.SubmissionUploaded;
import com.firsthand.events.Topics;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;

/** Puts files in the real object store and announces them on the real submission.uploaded topic. */
public final class ScoringFixtures {

    public static final String BUCKET = "firsthand";

    public record Job(String orgId, String jobId, List<String> formats, Integer minWidth, Integer minHeight,
            Double lat, Double lng, Double radiusKm, boolean locationRequired) {

        public static Job photos(String orgId) {
            return new Job(orgId, Ids.next(Ids.JOB), List.of("image/jpeg", "image/png"), null, null, null, null, null,
                    false);
        }

        public Job withMinimum(int width, int height) {
            return new Job(orgId, Ids.next(Ids.JOB), formats, width, height, lat, lng, radiusKm, locationRequired);
        }

        public Job near(double latitude, double longitude, double radius) {
            return new Job(orgId, Ids.next(Ids.JOB), formats, minWidth, minHeight, latitude, longitude, radius,
                    locationRequired);
        }

        public Job accepting(String... types) {
            return new Job(orgId, Ids.next(Ids.JOB), List.of(types), minWidth, minHeight, lat, lng, radiusKm,
                    locationRequired);
        }

        /** The same area, where a photo without a GPS position is rejected. */
        public Job requiringLocation() {
            return new Job(orgId, Ids.next(Ids.JOB), formats, minWidth, minHeight, lat, lng, radiusKm, true);
        }
    }

    private final String kafka;
    private final MinioClient minio;

    public ScoringFixtures(String kafka, MinioClient minio) throws Exception {
        this.kafka = kafka;
        this.minio = minio;
        if (!minio.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build())) {
            minio.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
        }
    }

    /** Stores the file and publishes submission.uploaded; returns the event, for redelivery tests. */
    public EventEnvelope upload(Job job, String workerId, byte[] bytes, String contentType) throws Exception {
        EventEnvelope event = store(job, Ids.next(Ids.SUBMISSION), workerId, bytes, contentType);
        KafkaEvents.send(kafka, event);
        return event;
    }

    /** Stores the file and returns the submission.uploaded event without publishing it. */
    public EventEnvelope store(Job job, String submissionId, String workerId, byte[] bytes) throws Exception {
        return store(job, submissionId, workerId, bytes, "image/jpeg");
    }

    private EventEnvelope store(Job job, String submissionId, String workerId, byte[] bytes, String contentType)
            throws Exception {
        String key = "quarantine/" + job.orgId() + "/" + job.jobId() + "/" + submissionId;
        minio.putObject(PutObjectArgs.builder().bucket(BUCKET).object(key)
                .stream(new ByteArrayInputStream(bytes), bytes.length, -1).contentType(contentType).build());
        SubmissionUploaded payload = new SubmissionUploaded(submissionId, job.jobId(), job.orgId(), workerId, BUCKET,
                key, contentType, bytes.length, "unused", null, null, "photo", "Residential mailboxes in daylight",
                job.formats(), job.minWidth(), job.minHeight(), job.lat(), job.lng(), job.radiusKm(), Instant.now(),
                job.locationRequired());
        return new EventEnvelope(Ids.next(Ids.EVENT), Topics.SUBMISSION_UPLOADED, 1, Instant.now(),
                job.orgId(), "submission", submissionId, EventJson.toTree(payload));
    }

    public void redeliver(EventEnvelope event) {
        KafkaEvents.send(kafka, event);
    }

    public SubmissionScored scored(EventEnvelope upload) {
        return KafkaEvents.awaitPayloads(kafka, Topics.SUBMISSION_SCORED, upload.aggregateId(),
                SubmissionScored.class, seen -> !seen.isEmpty()).get(0);
    }

    public List<SubmissionScored> allScores(EventEnvelope upload) {
        return KafkaEvents.awaitPayloads(kafka, Topics.SUBMISSION_SCORED, upload.aggregateId(),
                SubmissionScored.class, seen -> !seen.isEmpty());
    }
}
