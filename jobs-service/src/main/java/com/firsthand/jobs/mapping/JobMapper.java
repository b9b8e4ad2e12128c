package com.firsthand.jobs.mapping;

import com.firsthand.jobs.domain.Job;
import com.firsthand.jobs.rest.model.JobResponse;
import com.firsthand.jobs.rest.model.LocationModel;
import com.firsthand.jobs.rest.model.SubmissionSummary;

public final class JobMapper {

    private JobMapper() {
    }

    public static JobResponse toResponse(Job job) {
        LocationModel location = job.hasLocation() ? new LocationModel(job.locationLat, job.locationLng,
                job.locationRadiusKm, job.locationRequired) : null;
        return new JobResponse("job", job.id, job.status.wireName(), job.type, job.description, job.filesNeeded,
                job.filesApproved, job.acceptedFormats, job.pricePerFileCents, location, job.deadline,
                job.maxWorkers, job.metadata, job.minWidth, job.minHeight, summary(job), job.createdAt,
                job.completedAt,
                job.cancelledAt, job.buyerRating, job.buyerFeedback);
    }

    private static SubmissionSummary summary(Job job) {
        int remaining = Math.max(0, job.filesNeeded - job.filesApproved - job.filesPending - job.slotsHeld);
        Double average = job.averageRating == null ? null : Math.round(job.averageRating * 100) / 100.0;
        return new SubmissionSummary(job.filesPending, job.filesApproved, job.filesRejected, job.slotsHeld,
                remaining, average);
    }
}
