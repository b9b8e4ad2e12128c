package com.firsthand.submissions.rest.model;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A job as a worker sees it: what to deliver and what it pays, not who posted it. */
public record WorkerJobResponse(String object, String id, @Schema(enumeration = {"open", "in_progress", "filled", "completed", "cancelled", "expired"}) String status,
        @Schema(enumeration = {"data_collection", "feedback"}) String type, String description,
        int filesNeeded, List<String> acceptedFormats, int pricePerFileCents, Location location, Instant deadline,
        Integer minWidth, Integer minHeight, Instant createdAt) {

    public record Location(double lat, double lng, double radiusKm) {
    }
}
