package com.firsthand.submissions.mapping;

import com.firsthand.events.SubmissionUploaded;
import com.firsthand.submissions.domain.JobReplica;
import com.firsthand.submissions.domain.Submission;
import java.time.Instant;

/** What scoring needs to judge a submission's file: where it is and what the job asks for. */
public final class UploadEvents {

    private UploadEvents() {
    }

    /** @param width the image's width when known (read at upload; with {@code height}), else null: scoring reads it */
    public static SubmissionUploaded uploaded(Submission submission, JobReplica job, String bucket, Integer width,
            Integer height, Instant at) {
        return new SubmissionUploaded(submission.id, job.id, job.orgId, submission.workerId, bucket,
                submission.objectKey, submission.contentType, submission.sizeBytes, submission.sha256, width, height,
                job.type, job.description, job.acceptedFormats, job.minWidth, job.minHeight, job.locationLat,
                job.locationLng, job.locationRadiusKm, at, job.locationRequired);
    }
}
