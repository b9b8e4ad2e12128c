package com.firsthand.jobs.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A validated request for a new job. */
public record JobDraft(JobType type, String description, int filesNeeded, List<String> acceptedFormats,
        int pricePerFileCents, GeoArea location, Instant deadline, Integer maxWorkers, Map<String, String> metadata,
        Integer minWidth, Integer minHeight) {

    /** A circle on the earth's surface; {@code required}: photos without a GPS position are rejected. */
    public record GeoArea(double lat, double lng, double radiusKm, boolean required) {
    }
}
