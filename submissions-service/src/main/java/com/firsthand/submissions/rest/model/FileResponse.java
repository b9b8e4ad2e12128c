package com.firsthand.submissions.rest.model;

import java.time.Instant;

/** An approved file in the buyer's job folder, with a download URL signed for one hour. */
public record FileResponse(String object, String id, String jobId, String url, String contentType, long sizeBytes,
        Integer aiStarRating, String workerId, Instant submittedAt) {
}
