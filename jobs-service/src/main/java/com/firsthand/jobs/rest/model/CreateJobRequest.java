package com.firsthand.jobs.rest.model;

import com.firsthand.jobs.rest.JobRequestValidator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /v1/jobs. Everything is nullable here: JobRequestValidator names each missing field. */
public record CreateJobRequest(
        @Schema(required = true, enumeration = {"data_collection", "feedback"}) String type,
        @Schema(required = true, minLength = 1, maxLength = JobRequestValidator.MAX_DESCRIPTION) String description,
        @Schema(required = true, minimum = "1", maximum = "" + JobRequestValidator.MAX_FILES_NEEDED) Integer filesNeeded,
        @Schema(required = true, description = "MIME types, e.g. image/jpeg",
                maxItems = JobRequestValidator.MAX_FORMATS) List<String> acceptedFormats,
        @Schema(required = true, minimum = "1",
                maximum = "" + JobRequestValidator.MAX_PRICE_CENTS) Integer pricePerFileCents,
        LocationModel location,
        @Schema(format = "date-time", description = "When the job stops taking work (ISO 8601)") String deadline,
        @Schema(minimum = "1", maximum = "" + JobRequestValidator.MAX_WORKERS) Integer maxWorkers,
        @Schema(description = "Up to " + JobRequestValidator.MAX_METADATA_KEYS + " string keys and values, returned as"
                + " given") Map<String, String> metadata,
        @Schema(minimum = "1", maximum = "" + JobRequestValidator.MAX_DIMENSION) Integer minWidth,
        @Schema(minimum = "1", maximum = "" + JobRequestValidator.MAX_DIMENSION) Integer minHeight) {
}
