package com.firsthand.events;

import java.time.Instant;
import java.util.List;

/**
 * A worker's file is stored (under the quarantine prefix) and waits for its score. Carries what scoring needs
 * to judge it without asking another service: where the file is, what the job asked for.
 *
 * @param locationRequired true when a photo without a GPS position is rejected; null (older producers) is false
 */
public record SubmissionUploaded(String submissionId, String jobId, String orgId, String workerId, String bucket,
        String objectKey, String contentType, long sizeBytes, String sha256, Integer width, Integer height,
        String jobType, String jobDescription, List<String> acceptedFormats, Integer minWidth, Integer minHeight,
        Double locationLat, Double locationLng, Double locationRadiusKm, Instant submittedAt,
        Boolean locationRequired) {

    public SubmissionUploaded {
        PayloadChecks.id("submission_id", submissionId, "sub");
        PayloadChecks.id("job_id", jobId, "job");
        PayloadChecks.id("org_id", orgId, "org");
        PayloadChecks.id("worker_id", workerId, "wkr");
        PayloadChecks.text("bucket", bucket);
        PayloadChecks.text("object_key", objectKey);
        PayloadChecks.text("content_type", contentType);
        PayloadChecks.atLeast("size_bytes", sizeBytes, 0);
        PayloadChecks.atLeastIfPresent("width", width, 1);
        PayloadChecks.atLeastIfPresent("height", height, 1);
        PayloadChecks.atLeastIfPresent("min_width", minWidth, 1);
        PayloadChecks.atLeastIfPresent("min_height", minHeight, 1);
        PayloadChecks.location(locationLat, locationLng, locationRadiusKm);
        PayloadChecks.present("submitted_at", submittedAt);
    }

    /** An upload without the location-required option, as producers wrote it before the field existed. */
    public SubmissionUploaded(String submissionId, String jobId, String orgId, String workerId, String bucket,
            String objectKey, String contentType, long sizeBytes, String sha256, Integer width, Integer height,
            String jobType, String jobDescription, List<String> acceptedFormats, Integer minWidth, Integer minHeight,
            Double locationLat, Double locationLng, Double locationRadiusKm, Instant submittedAt) {
        this(submissionId, jobId, orgId, workerId, bucket, objectKey, contentType, sizeBytes, sha256, width, height,
                jobType, jobDescription, acceptedFormats, minWidth, minHeight, locationLat, locationLng,
                locationRadiusKm, submittedAt, null);
    }
}
