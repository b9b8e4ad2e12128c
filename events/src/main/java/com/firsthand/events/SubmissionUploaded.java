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
