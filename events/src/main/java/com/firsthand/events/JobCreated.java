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

    /** A job without the location-required option, as producers wrote it before the field existed. */
    public JobCreated(String jobId, String orgId, String status, String type, String description,
            int filesNeeded, List<String> acceptedFormats, int pricePerFileCents, Double locationLat,
            Double locationLng, Double locationRadiusKm, Instant deadline, Integer maxWorkers,
            Map<String, String> metadata, Integer minWidth, Integer minHeight, Instant createdAt) {
        this(jobId, orgId, status, type, description, filesNeeded, acceptedFormats, pricePerFileCents, locationLat,
                locationLng, locationRadiusKm, deadline, maxWorkers, metadata, minWidth, minHeight, createdAt, null);
    }
}
