package com.firsthand.jobs.rest.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The job object of the API reference; fields that are only sometimes set are omitted until they are. */
@Schema(requiredProperties = {"object", "id", "status", "type", "description", "files_needed", "files_approved",
        "accepted_formats", "price_per_file_cents", "location", "deadline", "max_workers", "metadata", "min_width",
        "min_height", "submission_summary", "created_at"})
public record JobResponse(String object, String id, @Schema(enumeration = {"open", "in_progress", "filled", "completed", "cancelled", "expired"}) String status,
        @Schema(enumeration = {"data_collection", "feedback"}) String type, String description,
        int filesNeeded, int filesApproved, List<String> acceptedFormats, int pricePerFileCents,
        LocationModel location, Instant deadline, Integer maxWorkers, Map<String, String> metadata,
        Integer minWidth, Integer minHeight, SubmissionSummary submissionSummary, Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant completedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant cancelledAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer buyerRating,
        @JsonInclude(JsonInclude.Include.NON_NULL) String buyerFeedback) {
}
