package com.firsthand.events;

import java.time.Instant;
import java.util.List;

/**
 * A worker's file is stored (under the quarantine prefix) and waits for its score. Carries what scoring needs
 * to judge it without asking another service: where the file is, what the job asked for.
 */
public record SubmissionUploaded(String submissionId, String jobId, String orgId, String workerId, String bucket,
        String objectKey, String contentType, long sizeBytes, String sha256, Integer width, Integer height,
        String jobType, String jobDescription, List<String> acceptedFormats, Integer minWidth, Integer minHeight,
        Double locationLat, Double locationLng, Double locationRadiusKm, Instant submittedAt) {
}
