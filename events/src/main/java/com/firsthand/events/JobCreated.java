package com.firsthand.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A job was posted; carries the whole job so the worker side can keep its replica. */
public record JobCreated(String jobId, String orgId, String status, String type, String description,
        int filesNeeded, List<String> acceptedFormats, int pricePerFileCents, Double locationLat, Double locationLng,
        Double locationRadiusKm, Instant deadline, Integer maxWorkers, Map<String, String> metadata,
        Integer minWidth, Integer minHeight, Instant createdAt) {
}
