package com.firsthand.submissions.mapping;

import com.firsthand.submissions.domain.JobReplica;
import com.firsthand.submissions.rest.model.WorkerJobResponse;

public final class WorkerJobMapper {

    private WorkerJobMapper() {
    }

    public static WorkerJobResponse toResponse(JobReplica job) {
        WorkerJobResponse.Location location = job.locationLat == null ? null
                : new WorkerJobResponse.Location(job.locationLat, job.locationLng, job.locationRadiusKm);
        return new WorkerJobResponse("job", job.id, job.status, job.type, job.description, job.filesNeeded,
                job.acceptedFormats, job.pricePerFileCents, location, job.deadline, job.minWidth, job.minHeight,
                job.createdAt);
    }
}
