package com.firsthand.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job was posted; carries the whole job so the worker side can keep its replica.
 *
 * @param locationRequired true when a photo without a GPS position is rejected; null (older producers) is false
 */
public record JobCreated(String jobId, String orgId, String status, String type, String description,
        int filesNeeded, List<String> acceptedFormats, int pricePerFileCents, Double locationLat, Double locationLng,
        Double locationRadiusKm, Instant deadline, Integer maxWorkers, Map<String, String> metadata,
        Integer minWidth, Integer minHeight, Instant createdAt, Boolean locationRequired) {

    public JobCreated {
        PayloadChecks.id("job_id", jobId, "job");
        PayloadChecks.id("org_id", orgId, "org");
        PayloadChecks.oneOf("status", status, JobStatuses.ALL);
        PayloadChecks.text("type", type);
        PayloadChecks.atLeast("files_needed", filesNeeded, 1);
        PayloadChecks.atLeast("price_per_file_cents", pricePerFileCents, 0);
        PayloadChecks.atLeastIfPresent("max_workers", maxWorkers, 1);
        PayloadChecks.atLeastIfPresent("min_width", minWidth, 1);
        PayloadChecks.atLeastIfPresent("min_height", minHeight, 1);
        PayloadChecks.location(locationLat, locationLng, locationRadiusKm);
        PayloadChecks.present("created_at", createdAt);
    }

    /** A job without the location-required option, as producers wrote it before the field existed. */
    public JobCreated(String jobId, String orgId, String status, String type, String description,
            int filesNeeded, List<String> acceptedFormats, int pricePerFileCents, Double locationLat,
            Double locationLng, Double locationRadiusKm, Instant deadline, Integer maxWorkers,
            Map<String, String> metadata, Integer minWidth, Integer minHeight, Instant createdAt) {
        this(jobId, orgId, status, type, description, filesNeeded, acceptedFormats, pricePerFileCents, locationLat,
                locationLng, locationRadiusKm, deadline, maxWorkers, metadata, minWidth, minHeight, createdAt, null);
    }
}
