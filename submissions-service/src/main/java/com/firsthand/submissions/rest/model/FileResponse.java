package com.firsthand.submissions.rest.model;

import java.time.Instant;

/**
 * An approved file in the buyer's job folder, with a download URL signed for one hour.
 *
 * @param sizeBytes the delivered copy's size (images are delivered without their metadata)
 * @param location  the verified location facts; null when the job has no location or the file is not a photo
 */
public record FileResponse(String object, String id, String jobId, String url, String contentType, long sizeBytes,
        Integer aiStarRating, String workerId, Instant submittedAt, LocationFactsResponse location) {
}
